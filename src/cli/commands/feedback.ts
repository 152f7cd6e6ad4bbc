import { createReadStream } from 'node:fs';
import type { FeedbackItem } from '../../../clients/typescript/src';
import { Context, UsageError } from '../cli';
import { csvRecords } from '../csv';

export const FEEDBACK_OPTIONS = {
  comment: { type: 'string' },
  replace: { type: 'boolean' },
  file: { type: 'string' },
  'batch-size': { type: 'string' },
} as const;

export const FEEDBACK_USAGE = `usage: sightline feedback <prediction_id> <actual> [--comment <text>] [--replace]
       sightline feedback --file labels.csv [--batch-size 1000]
labels.csv has a header with prediction_id and actual (and optionally comment); a numeric actual
is sent as a number. Every row gets a status; the command fails if any was not stored.`;

const asActual = (v: string): string | number =>
  v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;

async function* items(path: string): AsyncGenerator<FeedbackItem & { line: number }> {
  let header: string[] | undefined;
  let line = 1;
  for await (const record of csvRecords(createReadStream(path, { encoding: 'utf8' }))) {
    if (!header) {
      header = record.map((h) => h.trim());
      for (const need of ['prediction_id', 'actual'])
        if (!header.includes(need)) throw new UsageError(`${path}: the header needs a ${need} column`);
      continue;
    }
    line++;
    const get = (name: string) => record[header!.indexOf(name)];
    const comment = header.includes('comment') ? get('comment') : undefined;
    yield {
      line,
      prediction_id: get('prediction_id') ?? '',
      actual: asActual(get('actual') ?? ''),
      ...(comment ? { comment } : {}),
    };
  }
}

export async function feedback(c: Context): Promise<number> {
  const client = c.client();
  const file = c.string('file');
  if (!file) {
    const [id, actual] = c.args.positionals;
    if (!id || actual === undefined)
      throw new UsageError('give <prediction_id> <actual>, or --file labels.csv');
    const stored = await client.feedback(id, asActual(actual), {
      comment: c.string('comment'),
      replace: c.args.values.replace === true,
    });
    c.print(stored, () => [`stored: ${stored.prediction_id} is ${stored.actual}`]);
    return 0;
  }
  const size = c.count('batch-size', 1000, 1, 10_000);
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  let batch: (FeedbackItem & { line: number })[] = [];
  const send = async () => {
    const result = await client.feedbackBulk(batch.map(({ line: _line, ...item }) => item));
    for (const item of result.items) {
      counts[item.status] = (counts[item.status] ?? 0) + 1;
      if (item.status === 'created' || item.status === 'unchanged') continue;
      const why = item.errors?.map((e) => `${e.field} ${e.message}`).join('; ') ?? item.existing_actual ?? '';
      problems.push(`line ${batch[item.index].line}: ${item.status}${why === '' ? '' : ` (${why})`}`);
    }
    batch = [];
  };
  for await (const item of items(file)) {
    batch.push(item);
    if (batch.length >= size) await send();
  }
  if (batch.length > 0) await send();
  c.print({ counts, problems }, () => [
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'no rows',
    ...problems.slice(0, 50),
    ...(problems.length > 50 ? [`... and ${problems.length - 50} more`] : []),
  ]);
  return problems.length > 0 ? 1 : 0;
}
