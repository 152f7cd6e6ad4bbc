import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../utils/test-app';
import { LOAN_ROW as row } from '../utils/demo-rows';
import { launchChromium } from '../utils/browser';

describe('input limits and security headers (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_MODEL: 'loan-risk', MAX_JSON_DEPTH: '8', MAX_STRING_LENGTH: '100' });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (payload: string, url = '/predict') =>
    t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  it('refuses nesting past MAX_JSON_DEPTH with a 422 naming the field, even 100,000 levels deep', async () => {
    const deep = await post(
      JSON.stringify({ features: row, metadata: { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } } }),
    );
    expect(deep.statusCode).toBe(422);
    expect(deep.json().errors).toEqual([
      { field: 'metadata.a.b.c.d.e.f.g', message: 'is nested deeper than 8 levels' },
    ]);
    const abyss = await post(
      `{"features":${JSON.stringify(row)},"metadata":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    expect(abyss.statusCode).toBe(422);
    expect(abyss.json().errors[0].message).toBe('is nested deeper than 8 levels');
  });

  it('refuses strings and field names longer than MAX_STRING_LENGTH', async () => {
    const long = await post(JSON.stringify({ features: row, metadata: { note: 'x'.repeat(101) } }));
    expect(long.statusCode).toBe(422);
    expect(long.json().errors).toEqual([
      { field: 'metadata.note', message: 'must be at most 100 characters long' },
    ]);
    const key = await post(JSON.stringify({ features: row, metadata: { ['k'.repeat(101)]: 1 } }));
    expect(key.statusCode).toBe(422);
    expect(key.json().errors[0].message).toBe('has a field name that is too long');
    expect(
      (await post(JSON.stringify({ features: row, metadata: { note: 'x'.repeat(100) } }))).statusCode,
    ).toBe(200);
  });

  it('answers 414 for a path parameter longer than MAX_PARAM_LENGTH', async () => {
    const res = await post(JSON.stringify({ features: row }), `/v1/models/${'m'.repeat(300)}/predict`);
    expect(res.statusCode).toBe(414);
  });

  it('sends security headers on answers, errors included, and no x-powered-by', async () => {
    const answers = await Promise.all([
      t.app.inject({ method: 'GET', url: '/v1/models' }),
      post('{"broken'),
      t.app.inject({ method: 'GET', url: '/no/such/route' }),
      t.app.inject({ method: 'GET', url: '/health/ready' }),
    ]);
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy':
          "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      });
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
    const asset = await t.app.inject({ method: 'GET', url: '/docs/assets/swagger-ui.css' });
    expect(asset.headers['cache-control']).toBe('public, max-age=86400');
  });
});

describe('the /docs page under its Content-Security-Policy (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('renders swagger-ui with every operation and no CSP violation', async () => {
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const page = await browser.newPage();
    const problems: string[] = [];
    // CSP violations are console errors; a missing favicon is not one
    page.on(
      'console',
      (m) => m.type() === 'error' && !/favicon/.test(m.location().url) && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    expect((await page.goto(`${base}/docs`))?.status()).toBe(200);
    await page.waitForSelector('.opblock-summary', { timeout: 15_000 });
    const operations = await page.$$eval('.opblock-summary-path', (els) => els.map((e) => e.textContent));
    expect(operations).toEqual(expect.arrayContaining(['/predict', '/v1/admin/keys']));
    expect(problems).toEqual([]);
  }, 60_000);
});
