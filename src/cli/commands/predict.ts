import type { Features, ModelCard, PredictResponse } from '../../../clients/typescript/src';
import { BatchScorer } from '../batch-scorer';
import { Context, UsageError } from '../cli';
import { PredictionFile, Sink, StdoutSink } from '../prediction-file';
import { Progress } from '../progress';
import { countRows, formatOf, readRows, unusedColumns } from '../rows';

export const PREDICT_OPTIONS = {
  model: { type: 'string' },
  version: { type: 'string' },
  feature: { type: 'string', multiple: true },
  features: { type: 'string' },
  text: { type: 'string' },
  metadata: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'batch-size': { type: 'string' },
  concurrency: { type: 'string' },
  resume: { type: 'boolean' },
  force: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

export const PREDICT_USAGE = `usage: sightline predict [--model <name> [--version <v>]] <row> [--metadata <json>]
  <row>: --feature name=value ... | --features '<json object or array>' | --text '<text>'
       sightline predict --model <name> --file rows.csv|rows.ndjson [--out predictions.ndjson|.csv]
         [--batch-size 500] [--concurrency 4] [--resume | --force] [--no-progress]
A file is scored in batches with a progress bar on stderr; its other columns (ids...) are copied
to each output line. After Ctrl-C (or a crash), run the same command with --resume.`;

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON`);
  }
}

/** `--feature age=42 --feature employment=employed`, numbers where the model card says numeric. */
function rowFromFlags(pairs: string[], card: ModelCard | undefined): Record<string, unknown> {
  const numeric = card && new Set(card.features.filter((f) => f.type === 'numeric').map((f) => f.name));
  const row: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--feature wants name=value, got "${pair}"`);
    const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    const asNumber = value.trim() !== '' && Number.isFinite(Number(value));
    row[name] = (numeric ? numeric.has(name) : asNumber) && asNumber ? Number(value) : value;
  }
  return row;
}

function describe(p: PredictResponse): string[] {
  const probabilities = Object.entries(p.probabilities ?? {})
    .map(([label, prob]) => `${label} ${prob.toFixed(4)}`)
    .join(', ');
  return [
    `prediction:    ${p.prediction}${probabilities ? `  (${probabilities})` : ''}`,
    `prediction id: ${p.prediction_id}`,
    `model:         ${p.model.name} version ${p.model.version}`,
  ];
}

export async function predict(c: Context): Promise<number> {
  const model = c.string('model');
  const version = c.string('version');
  if (version && !model) throw new UsageError('--version needs --model');
  const client = c.client();
  const file = c.string('file');
  if (file) return predictFile(c, file);
  const pairs = (c.args.values.feature as string[] | undefined) ?? [];
  const raw = c.string('features');
  const text = c.string('text');
  const given = [pairs.length > 0, raw !== undefined, text !== undefined].filter(Boolean).length;
  if (given === 0)
    throw new UsageError('give a row: --feature name=value ..., --features <json> or --text <text>');
  if (given > 1) throw new UsageError('use one of --feature, --features and --text');
  if (text !== undefined) {
    const result = await client.predictText(text, { model, version });
    c.print(result, () => describe(result));
    return 0;
  }
  const card = model && pairs.length > 0 ? await client.model(model) : undefined;
  const features = (raw === undefined ? rowFromFlags(pairs, card) : json(raw, '--features')) as Features;
  const metadata = c.string('metadata');
  const result = await client.predict(features, {
    model,
    version,
    metadata: metadata === undefined ? undefined : (json(metadata, '--metadata') as Record<string, unknown>),
  });
  c.print(result, () => describe(result));
  return 0;
}

async function predictFile(c: Context, path: string): Promise<number> {
  const model = c.string('model');
  if (!model) throw new UsageError('--file needs --model: the model card says how to read each column');
  const client = c.client();
  const card = await client.model(model);
  const format = formatOf(path, c.string('format'));
  const out = c.string('out');
  if (c.args.values.resume && !out) throw new UsageError('--resume needs --out: the file to carry on');
  const peek = readRows(path, format, card);
  const first = await peek.next();
  await peek.return(undefined);
  const extra = unusedColumns(first.value ?? undefined);
  if (extra.length > 0) c.io.err(`not features of ${model}, copied to the output: ${extra.join(', ')}`);
  const sink: Sink = out
    ? await PredictionFile.open(out, {
        format: formatOf(out, undefined),
        resume: c.args.values.resume === true,
        force: c.args.values.force === true,
        labels: card.labels,
        extra,
      })
    : new StdoutSink((line) => c.io.out(line));
  const total = await countRows(path, format);
  const progress = new Progress({
    total,
    start: sink.done,
    tty: c.io.isTTY,
    write: c.args.values.progress === false ? () => undefined : (text) => c.io.write(text),
  });
  const scorer = new BatchScorer(client, {
    model,
    version: c.string('version'),
    batchSize: c.count('batch-size', 500, 1, 100_000),
    concurrency: c.count('concurrency', 4, 1, 64),
    attempts: 5,
  });
  let interrupts = 0;
  const release = c.io.onInterrupt(() => {
    if (++interrupts > 1) process.exit(130);
    c.io.err('\nstopping: the batches in flight are being written (Ctrl-C again to quit now)');
    scorer.stop();
  });
  try {
    const summary = await scorer.run(readRows(path, format, card), sink, progress);
    progress.finish();
    const line = `${summary.predicted.toLocaleString('en-US')} rows predicted, ${summary.failed.toLocaleString('en-US')} failed`;
    // without --out, stdout carries the predictions themselves
    if (out) c.print({ ...summary, total, out }, () => [`${line}, written to ${out}`]);
    else c.io.err(line);
    if (summary.interrupted) {
      c.io.err(`interrupted after ${summary.rows} of ${total} rows: run the same command with --resume`);
      return 130;
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    release();
    await sink.close();
  }
}
