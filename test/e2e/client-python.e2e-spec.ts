import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, startListeningApp, TestApp } from '../utils/test-app';

const run = promisify(execFile);
// Debian's interpreter: the client needs nothing but the standard library
const PYTHON = '/usr/bin/python3';

describe('the Python client against a running server (e2e)', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    const app = await startListeningApp({ DEFAULT_MODEL: 'loan-risk', AUTH_KEYS_REFRESH_MS: '200' });
    t = app;
    url = app.url;
  });
  afterAll(() => t.close());

  it('passes its unittest suite with the standard library only', async () => {
    const result = await run(PYTHON, ['-I', '-m', 'unittest', 'discover', '-v', '-s', 'tests', '-t', '.'], {
      cwd: join(REPO_ROOT, 'clients', 'python'),
      // -I: no user site-packages nor PYTHON* variables, so nothing but the stdlib and the client
      env: { PATH: process.env.PATH ?? '', SIGHTLINE_URL: url },
    }).catch((err: { stdout: string; stderr: string; code: number }) => err);
    const report = result.stderr;
    expect(report).toMatch(/^Ran 7 tests in /m);
    expect(report).not.toMatch(/skipped|FAILED|ERROR/);
    expect(report.trim().split('\n').pop()).toBe('OK');
  });
});
