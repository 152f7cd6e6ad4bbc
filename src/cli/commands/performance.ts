import { Context, UsageError } from '../cli';

export const PERFORMANCE_OPTIONS = { window: { type: 'string' }, version: { type: 'string' } } as const;

export const PERFORMANCE_USAGE = `usage: sightline performance <model> [--window 24h] [--version <v>]
Accuracy, F1, ROC AUC (classification) or MAE, RMSE, R² (regression) over the window's feedback.`;

export async function performance(c: Context): Promise<number> {
  const [model] = c.args.positionals;
  if (!model) throw new UsageError('performance <model>');
  const p = await c.client().performance(model, { window: c.string('window'), version: c.string('version') });
  c.print(p, () => [
    `${p.model.name} version ${p.model.version}, ${p.window}: ${p.labelled} of ${p.predictions} predictions labelled`,
    ...Object.entries(p.metrics)
      .filter(([, v]) => typeof v === 'number' || v === null)
      .map(([k, v]) => `  ${k.padEnd(24)} ${v === null ? '-' : Number((v as number).toPrecision(4))}`),
  ]);
  return 0;
}
