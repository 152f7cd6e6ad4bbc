import { FieldError } from '../common/errors/domain-error';
import { feedsOf } from './encoded-batch';
import { FeatureEncoder } from './feature-encoder';
import { Manifest } from './manifest';
import { decodeOutputs } from './output-decoder';
import { ModelSession } from './onnx-session';

/** A valid row built from the manifest alone: defaults, in-range values, first categories. */
export function exampleRow(manifest: Manifest): Record<string, number | string> {
  const row: Record<string, number | string> = {};
  for (const f of manifest.features) {
    if (f.type === 'categorical') row[f.name] = f.categories[0];
    else if (f.type === 'text') row[f.name] = 'warm-up';
    else row[f.name] = f.default ?? f.min ?? Math.min(0, f.max ?? 0);
  }
  return row;
}

/** One inference at load time, so the first real request does not pay for lazy initialisation. */
export async function warmUp(
  manifest: Manifest,
  encoder: FeatureEncoder,
  session: ModelSession,
): Promise<void> {
  const errors: FieldError[] = [];
  const batch = encoder.encode([exampleRow(manifest)], () => 'warm-up', errors);
  if (errors.length > 0)
    throw new Error(`cannot build a warm-up row: ${errors.map((e) => e.message).join('; ')}`);
  decodeOutputs(manifest, await session.run(feedsOf(batch)), 1);
}
