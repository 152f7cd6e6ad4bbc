import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { startTestApp, TestApp } from '../utils/test-app';
import { insertLogRows, LOAN_CATEGORICAL, LOAN_NUMERIC, loanLabels, loanTraffic } from './drift-support';
import { launchChromium } from '../utils/browser';

const SCREENSHOT = '/tmp/sightline-drift-report.png';

/** The HTML report, loaded from the running app by Debian's headless Chromium. */
describe('drift report page in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ DRIFT_SCHEDULE_ENABLED: 'false' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const now = Date.now();
    await insertLogRows(
      t.databaseUrl,
      'loan-risk',
      '2',
      loanTraffic(800, 3),
      loanLabels(800, 4),
      (i) => new Date(now - 1000 - i),
    );
    const run = await fetch(`${base}/v1/models/loan-risk/drift/runs?version=2`, { method: 'POST' });
    expect(run.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('renders a row and a chart of reference against current for every feature, fetching nothing else', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(`${base}/v1/models/loan-risk/drift/report?version=2`);
    expect(res?.status()).toBe(200);

    const rows = await page.$$eval('tr.feature', (trs) =>
      trs.map((tr) => {
        const bars = (cls: string) =>
          [...tr.querySelectorAll(`svg.chart rect.bar.${cls}`)].map(
            (r) => (r as unknown as { getBBox(): { height: number } }).getBBox().height,
          );
        return {
          feature: tr.getAttribute('data-feature'),
          verdict: tr.querySelector('.verdict')?.textContent,
          ref: bars('ref'),
          cur: bars('cur'),
        };
      }),
    );
    expect(rows.map((r) => r.feature)).toEqual([...LOAN_NUMERIC, ...LOAN_CATEGORICAL, '__prediction__']);
    for (const r of rows) {
      expect(r.ref.length).toBeGreaterThan(0);
      expect(r.cur.length).toBe(r.ref.length);
      // drawn, not just present: some bars on each side have a height
      expect(r.ref.some((h) => h > 0)).toBe(true);
      expect(r.cur.some((h) => h > 0)).toBe(true);
    }
    const verdicts = Object.fromEntries(rows.map((r) => [r.feature, r.verdict]));
    expect(verdicts.income).toBe('drift');
    expect(verdicts.age).toBe('no drift');
    expect(await page.textContent('.dataset-verdict')).toBe('no');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([`${base}/v1/models/loan-risk/drift/report?version=2`]);
  });
});
