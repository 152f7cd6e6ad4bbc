import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort } from '../utils/app-process';
import { REPO_ROOT, startListeningApp, TestApp } from '../utils/test-app';
import { LOAN_ROW } from '../utils/demo-rows';
import { queryDb } from '../utils/test-database';

const CLI = join(REPO_ROOT, 'bin', 'sightline.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `sightline ...` as a user runs it: its own process, stdout and stderr apart (not a terminal);
 * `watch` sees stderr as it grows, and may signal the process.
 */
function sightline(
  args: string[],
  env: Record<string, string>,
  watch?: (stderr: string, child: ChildProcess) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      watch?.(stderr, child);
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const loan = (i: number) => ({
  customer_id: `c-${i}`,
  age: 20 + (i % 60),
  income: 20000 + ((i * 37) % 90000),
  loan_amount: 1000 + ((i * 13) % 30000),
  credit_score: 400 + (i % 400),
  debt_ratio: i % 10 === 0 ? '' : ((i % 9) / 10).toString(),
  employment: ['employed', 'self_employed', 'student', 'unemployed'][i % 4],
  home_ownership: ['own', 'rent', 'mortgage'][i % 3],
});

/** The same row for NDJSON: numbers as numbers, a missing value left out. */
function loanJson(i: number): Record<string, unknown> {
  const { debt_ratio, ...row } = loan(i);
  return debt_ratio === '' ? row : { ...row, debt_ratio: Number(debt_ratio) };
}

function csv(rows: Record<string, unknown>[]): string {
  const header = Object.keys(rows[0]);
  return [header.join(','), ...rows.map((r) => header.map((h) => r[h]).join(','))].join('\n') + '\n';
}

const ndjson = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the sightline CLI (e2e)', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    await ensureBuilt();
    const server = await startListeningApp({ DEFAULT_MODEL: 'loan-risk', AUTH_KEYS_REFRESH_MS: '200' });
    t = server;
    env = { SIGHTLINE_URL: server.url };
    dir = mkdtempSync(join(tmpdir(), 'sightline-cli-e2e-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const logged = async (ids: unknown[]) =>
    Number(
      (
        await queryDb<{ n: string }>(
          t.databaseUrl,
          'SELECT count(*) AS n FROM prediction_log WHERE id = ANY($1::uuid[])',
          [ids],
        )
      )[0].n,
    );

  it('lists models and predicts one row, for people and (--json) for scripts', async () => {
    const listed = await sightline(['models', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['loan-risk', 'house-price']),
    );
    const flags = Object.entries(loan(1)).flatMap(([k, v]) =>
      k === 'customer_id' ? [] : ['--feature', `${k}=${v}`],
    );
    const human = await sightline(['predict', '--model', 'loan-risk', ...flags], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^prediction: {4}(repaid|default) {2}\(repaid 0\.\d{4}, default 0\.\d{4}\)\n/,
    );
    const id = /prediction id: (\S+)/.exec(human.stdout)![1];
    const json = await sightline(['predict', '--json', '--features', JSON.stringify(LOAN_ROW)], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      model: { name: 'loan-risk' },
      prediction: expect.any(String),
    });
    await t.flushLogs();
    expect(await logged([id, JSON.parse(json.stdout).prediction_id])).toBe(2);
  });

  it('predicts a text with a text model', async () => {
    const run = await sightline(
      ['predict', '--model', 'sentiment', '--text', 'This is a fantastic product!'],
      env,
    );
    expect(run).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^prediction: {4}positive {2}\(negative 0\.\d{4}, positive 0\.\d{4}\)\n/),
    });
  });

  it('prints the problem’s title, detail and field errors and exits non-zero', async () => {
    const bad = await sightline(['predict', '--model', 'loan-risk', '--features', '{"age": 7}'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^error: Validation failed: The request does not match the schema \(HTTP 422\)\n/,
    );
    expect(bad.stderr).toContain('  features.age: must be between 18 and 100, got 7\n');
    expect(bad.stderr).toContain('  features.income: is required\n');
    const missing = await sightline(['models', 'nope'], env);
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: Model not found: No model named "nope" \(HTTP 404\)/),
    });
    const usage = await sightline(['predict', '--model', 'loan-risk', '--bogus'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Unknown option '--bogus'[\s\S]*usage: sightline predict/);
    const port = await freePort();
    const away = await sightline(['models', '--url', `http://127.0.0.1:${port}`], env);
    expect(away).toMatchObject({
      code: 1,
      stderr: `error: cannot reach http://127.0.0.1:${port} (ECONNREFUSED); set --url or SIGHTLINE_URL\n`,
    });
  });

  it('scores a CSV in batches with a progress bar; every row has its line, every id is in the log', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => loan(i));
    rows[1234].age = 7;
    const input = join(dir, 'loans.csv');
    writeFileSync(input, csv(rows));
    const out = join(dir, 'loans.ndjson');
    const run = await sightline(
      [
        'predict',
        '--model',
        'loan-risk',
        '--file',
        input,
        '--out',
        out,
        '--batch-size',
        '200',
        '--concurrency',
        '3',
      ],
      env,
    );
    expect(run.code).toBe(1); // one row was refused
    expect(run.stderr).toContain('not features of loan-risk, copied to the output: customer_id');
    const bars = run.stderr.split('\n').filter((l) => l.startsWith('['));
    expect(bars.length).toBeGreaterThanOrEqual(10);
    expect(bars.at(-1)).toMatch(/^\[#{30}\] 100% {2}2,500\/2,500 rows {2}[\d,]+ rows\/s {2}1 failed$/);
    expect(run.stdout).toBe(`2,499 rows predicted, 1 failed, written to ${out}\n`);
    const lines = ndjson(out);
    expect(lines.map((l) => l.row)).toEqual(rows.map((_, i) => i + 1));
    expect(lines.map((l) => l.customer_id)).toEqual(rows.map((r) => r.customer_id));
    expect(lines[1234]).toEqual({
      customer_id: 'c-1234',
      row: 1235,
      error: 'age must be between 18 and 100, got 7',
    });
    const ids = lines.filter((l) => l.prediction_id).map((l) => l.prediction_id);
    expect(new Set(ids).size).toBe(2499);
    await t.flushLogs();
    expect(await logged(ids)).toBe(2499);
  });

  it('resumes a run that died mid-write, sending only the rows it had not written', async () => {
    const input = join(dir, 'resume.csv');
    writeFileSync(input, csv(Array.from({ length: 1000 }, (_, i) => loan(i))));
    const out = join(dir, 'resume.csv.out.csv');
    const args = [
      'predict',
      '--model',
      'loan-risk',
      '--file',
      input,
      '--out',
      out,
      '--batch-size',
      '100',
      '--no-progress',
    ];
    expect((await sightline(args, env)).code).toBe(0);
    const whole = readFileSync(out, 'utf8');
    const cut = whole.indexOf('\n401,') + 20; // inside row 401: a torn line, as a crash leaves it
    truncateSync(out, cut);
    await t.flushLogs();
    const [{ n: before }] = await queryDb<{ n: string }>(
      t.databaseUrl,
      'SELECT count(*) AS n FROM prediction_log',
    );
    expect((await sightline(args, env)).code).toBe(2); // the file exists: --resume or --force
    const resumed = await sightline([...args, '--resume'], env);
    expect(resumed).toMatchObject({ code: 0, stdout: `600 rows predicted, 0 failed, written to ${out}\n` });
    await t.flushLogs();
    const [{ n: after }] = await queryDb<{ n: string }>(
      t.databaseUrl,
      'SELECT count(*) AS n FROM prediction_log',
    );
    expect(Number(after) - Number(before)).toBe(600);
    const data = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    expect(data.map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('posts feedback from a CSV of prediction_id,actual and names the rows it could not store', async () => {
    const lines = ndjson(join(dir, 'loans.ndjson'))
      .filter((l) => l.prediction_id)
      .slice(0, 300);
    const labels = join(dir, 'labels.csv');
    writeFileSync(
      labels,
      [
        'prediction_id,actual',
        ...lines.map((l, i) => `${l.prediction_id},${i % 2 ? 'repaid' : 'default'}`),
        '0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f,repaid',
      ].join('\n'),
    );
    const run = await sightline(['feedback', '--file', labels, '--batch-size', '100'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('created 300, not_found 1\nline 302: not_found\n');
    const one = await sightline(['feedback', String(lines[0].prediction_id), 'repaid', '--replace'], env);
    expect(one).toMatchObject({ code: 0, stdout: `stored: ${lines[0].prediction_id} is repaid\n` });
  });

  it('runs drift, shows the latest report and saves its page for the browser', async () => {
    const run = await sightline(['drift', 'run', 'loan-risk', '--window', '1h'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^drift report \S+: loan-risk version 2, completed,/);
    expect(run.stdout).toMatch(/\n {2}age +wasserstein +score [\d.]+ +threshold 0\.1 +(DRIFT|ok)\n/);
    const shown = await sightline(['drift', 'show', 'loan-risk', '--json'], env);
    expect(JSON.parse(shown.stdout).id).toBe(/^drift report (\S+):/.exec(run.stdout)![1]);
    const open = await sightline(['drift', 'open', 'loan-risk', '--print', '--json'], env);
    const { file, opened } = JSON.parse(open.stdout) as { file: string; opened: boolean };
    expect(opened).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('<html');
    rmSync(file);
  });

  it('manages keys through the admin API when given --url, and then needs one', async () => {
    const created = await sightline(
      ['keys', 'create', '--name', 'cli-admin', '--scopes', 'admin,read', '--url', env.SIGHTLINE_URL],
      {},
    );
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^sl_/);
    const closed = await sightline(['models'], env);
    expect(closed).toMatchObject({ code: 1, stderr: expect.stringContaining('(HTTP 401)') });
    const listed = await sightline(
      ['keys', 'list', '--json', '--url', env.SIGHTLINE_URL, '--api-key', key],
      {},
    );
    expect(JSON.parse(listed.stdout).map((k: { name: string }) => k.name)).toContain('cli-admin');
    const viaEnv = await sightline(['models', '--json'], { ...env, SIGHTLINE_API_KEY: key });
    expect(viaEnv.code).toBe(0);
  });
});

describe('sightline predict --file, interrupted (e2e)', () => {
  it('writes the batches in flight on Ctrl-C, exits 130, and --resume finishes the file', async () => {
    await ensureBuilt();
    // each inference takes 100 ms, so the run is still going when Ctrl-C comes
    const t = await startListeningApp({ SIGHTLINE_TEST_INFERENCE_DELAY_MS: '100' });
    const url = t.url;
    const dir = mkdtempSync(join(tmpdir(), 'sightline-cli-int-'));
    try {
      const input = join(dir, 'rows.ndjson');
      writeFileSync(input, Array.from({ length: 600 }, (_, i) => JSON.stringify(loanJson(i))).join('\n'));
      const out = join(dir, 'out.ndjson');
      const args = [
        'predict',
        '--model',
        'loan-risk',
        '--file',
        input,
        '--out',
        out,
        '--batch-size',
        '20',
        '--concurrency',
        '2',
      ];
      let sent = false;
      const first = await sightline(args, { SIGHTLINE_URL: url }, (stderr, child) => {
        // the first progress line: some batches are written, more are in flight
        if (!sent && /\d+\/600 rows/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      expect(first.code).toBe(130);
      expect(first.stderr).toContain('stopping: the batches in flight are being written');
      const done = Number(
        /interrupted after (\d+) of 600 rows: run the same command with --resume/.exec(first.stderr)![1],
      );
      expect(done).toBeLessThan(600);
      expect(ndjson(out).map((l) => l.row)).toEqual(Array.from({ length: done }, (_, i) => i + 1));
      const resumed = await sightline([...args, '--resume', '--no-progress'], { SIGHTLINE_URL: url });
      expect(resumed).toMatchObject({ code: 0, stdout: expect.stringMatching(/ 0 failed/) });
      const lines = ndjson(out);
      expect(lines.map((l) => l.row)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
      await t.flushLogs();
      const ids = lines.map((l) => l.prediction_id);
      const [{ n }] = await queryDb<{ n: string }>(
        t.databaseUrl,
        'SELECT count(*) AS n FROM prediction_log WHERE id = ANY($1::uuid[])',
        [ids],
      );
      expect(Number(n)).toBe(600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    }
  });
});
