import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DriftReport } from '../../../clients/typescript/src';
import { Context, UsageError } from '../cli';

export const DRIFT_OPTIONS = {
  version: { type: 'string' },
  window: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  run: { type: 'string' },
  print: { type: 'boolean' },
} as const;

export const DRIFT_USAGE = `usage: sightline drift run <model> [--window 1h | --from <iso> --to <iso>] [--version <v>]
       sightline drift show <model> [--version <v> | --run <id>]
       sightline drift open <model> [--version <v> | --run <id>] [--print]
open saves the report page (fetched with your API key) and opens it in the browser; --print only
prints where it is.`;

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '-' : Number(x.toPrecision(4)).toString();

function summary(r: DriftReport): string[] {
  const d = r.dataset;
  const lines = [
    `drift report ${r.id}: ${r.model.name} version ${r.model.version}, ${r.status}, ${r.window.from} .. ${r.window.to}`,
    `dataset drift: ${d.drift_detected ? 'YES' : 'no'} (${d.drifted_features.length} of ${d.tested_features} features, share ${fmt(d.drift_share)}, threshold ${d.share_threshold})`,
  ];
  for (const f of [...r.features, ...(r.prediction ? [r.prediction] : [])]) {
    const verdict = f.drift_detected === null ? (f.error ?? 'no verdict') : f.drift_detected ? 'DRIFT' : 'ok';
    lines.push(
      `  ${f.name.padEnd(20)} ${String(f.test ?? '-').padEnd(13)} score ${fmt(f.score).padEnd(10)} threshold ${fmt(f.threshold).padEnd(8)} ${verdict}`,
    );
  }
  if (r.error) lines.push(`error: ${r.error}`);
  return lines;
}

/** The platform's "open this" command, if it has one. */
function opener(): [string, string[]] | undefined {
  if (process.platform === 'darwin') return ['open', []];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  return process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', []] : undefined;
}

export async function drift(c: Context): Promise<number> {
  const [action, model] = c.args.positionals;
  if (!['run', 'show', 'open'].includes(action ?? '') || !model)
    throw new UsageError('drift run|show|open <model>');
  const client = c.client();
  const version = c.string('version');
  const run = c.string('run');
  if (action === 'run') {
    const window = c.string('window');
    const report = await client.runDrift(model, {
      version,
      window,
      from: c.string('from'),
      to: c.string('to'),
    });
    c.print(report, () => summary(report));
    return 0;
  }
  if (action === 'show') {
    const report = run ? await client.driftRun(model, run) : await client.drift(model, version);
    c.print(report, () => summary(report));
    return 0;
  }
  const url = client.driftReportUrl(model, { version, run });
  const html = await client.http.call('get', '/v1/models/{name}/drift/report', {
    path: { name: model },
    query: { version, run },
  });
  const file = join(tmpdir(), `sightline-drift-${model.replace(/[^\w.-]/g, '_')}-${Date.now()}.html`);
  writeFileSync(file, html, { mode: 0o600 });
  const command = c.args.values.print ? undefined : opener();
  if (command) spawn(command[0], [...command[1], file], { detached: true, stdio: 'ignore' }).unref();
  c.print({ file, url, opened: command !== undefined }, () => [
    command ? `opened ${file}` : `the report is in ${file}`,
    `(served at ${url})`,
  ]);
  return 0;
}
