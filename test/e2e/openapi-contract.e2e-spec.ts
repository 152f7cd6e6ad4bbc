import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isPublicRoute } from '../../src/auth/public-routes';
import { REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';

const run = promisify(execFile);
const bin = (path: string) => join(REPO_ROOT, 'node_modules', path);
const STALE = 'is stale: run `npm run clients:generate` and commit the result';

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

describe('the OpenAPI document as a contract (e2e)', () => {
  let t: TestApp;
  let doc: Document;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    dir = mkdtempSync(join(tmpdir(), 'sightline-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  /** openapi-typescript's output for the live document, as `npm run clients:generate` writes it. */
  const clientTypes = async (): Promise<string> => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const { stdout } = await run(
      process.execPath,
      [join(REPO_ROOT, 'scripts', 'lib', 'client-types.js'), file],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return stdout;
  };

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );

  it('passes `redocly lint` (recommended rules) with no error and no warning', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const { stdout } = await run(
      process.execPath,
      [bin('@redocly/cli/bin/cli.js'), 'lint', file, '--format=json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((err: { stdout: string }) => ({ stdout: err.stdout }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('says per operation which need a key: `security: []` exactly on the public routes', () => {
    for (const { path, op } of operations()) {
      const template = path.replace(/\{([^}]+)\}/g, ':$1');
      expect({ path, security: op.security }).toEqual({
        path,
        security: isPublicRoute(template) ? [] : [{ bearer: [] }, { api_key: [] }],
      });
    }
    expect(doc.components).toMatchObject({
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    });
  });

  it('documents every 4XX answer with problem+json, or {"error"} under /v2', () => {
    for (const { path, method, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => /^4/.test(status));
      expect({ path, method, clientErrors: errors.length > 0 }).toEqual({ path, method, clientErrors: true });
      for (const [status, response] of errors) {
        const expected = path.startsWith('/v2')
          ? { 'application/json': { schema: { $ref: '#/components/schemas/ProtocolError' } } }
          : { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
        expect({ path, method, status, content: response.content }).toEqual({
          path,
          method,
          status,
          content: expected,
        });
      }
    }
  });

  it('matches the committed clients/openapi.json and the SDK types generated from it', async () => {
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'clients', 'openapi.json'), 'utf8'));
    expect({ 'clients/openapi.json': committed }).toEqual({ 'clients/openapi.json': doc });
    const types = readFileSync(
      join(REPO_ROOT, 'clients', 'typescript', 'src', 'generated', 'schema.ts'),
      'utf8',
    );
    if (types !== (await clientTypes()))
      throw new Error(`clients/typescript/src/generated/schema.ts ${STALE}`);
  });

  it('generates types with openapi-typescript that compile with a call to every operation', async () => {
    // a copy of the SDK on freshly generated types: its test/every-operation.ts has a mapped type
    // that needs one call per (path, method), each checked against the operation's parameters
    const sdk = join(dir, 'sdk');
    cpSync(join(REPO_ROOT, 'clients', 'typescript'), sdk, {
      recursive: true,
      filter: (src) => !/[\\/](dist|node_modules)$/.test(src),
    });
    writeFileSync(join(sdk, 'src', 'generated', 'schema.ts'), await clientTypes());
    const result = await run(process.execPath, [
      bin('typescript/bin/tsc'),
      '-p',
      join(sdk, 'tsconfig.test.json'),
    ]).catch((err: { stdout: string }) => err);
    expect(result.stdout).toBe('');
  });
});
