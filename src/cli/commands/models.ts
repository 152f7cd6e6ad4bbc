import type { ModelCard } from '../../../clients/typescript/src';
import { Context } from '../cli';

export const MODELS_USAGE = `usage: sightline models [<name>]
Every model with its versions and status, or one model's card (features, labels, versions).`;

function card(m: ModelCard): string[] {
  const lines = [
    `${m.name}  default version ${m.default_version ?? '-'}  ${m.status}  ${m.task ?? 'v2 only'}`,
    ...m.versions.map((v) => `  version ${v.version}: ${v.status}${v.error ? ` (${v.error})` : ''}`),
  ];
  if (m.labels.length) lines.push(`  labels: ${m.labels.join(', ')}`);
  for (const f of m.features) {
    const range =
      f.type === 'numeric' ? ` ${f.min ?? '-inf'}..${f.max ?? 'inf'}` : ` ${f.categories?.join('|')}`;
    lines.push(`  ${f.name}: ${f.type}${range}${f.required ? '' : ' (optional)'}`);
  }
  return lines;
}

export async function models(c: Context): Promise<number> {
  const [name] = c.args.positionals;
  const client = c.client();
  if (name) {
    const model = await client.model(name);
    c.print(model, () => card(model));
    return 0;
  }
  const { models: list } = await client.models();
  c.print(list, () =>
    list.map(
      (m) =>
        `${m.name.padEnd(24)} ${(m.default_version ?? '-').padEnd(8)} ${m.status.padEnd(8)} ${m.task ?? 'v2 only'}`,
    ),
  );
  return 0;
}
