import { FeatureSpec, Manifest } from './manifest';
import { isJsonObject } from '../common/json';

export class ManifestError extends Error {}

const isName = (v: unknown): v is string =>
  typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(v);

function finiteOrUndefined(v: unknown, where: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ManifestError(`${where} must be a finite number`);
  return v;
}

function parseFeature(raw: unknown, i: number): FeatureSpec {
  const where = `features[${i}]`;
  if (!isJsonObject(raw) || !isName(raw.name))
    throw new ManifestError(`${where}.name must be a feature name`);
  const required = raw.required === undefined ? true : raw.required === true;
  if (raw.type === 'numeric') {
    const outOfRange = raw.outOfRange ?? 'reject';
    if (outOfRange !== 'reject' && outOfRange !== 'clip' && outOfRange !== 'accept') {
      throw new ManifestError(`${where}.outOfRange must be reject, clip or accept`);
    }
    const min = finiteOrUndefined(raw.min, `${where}.min`);
    const max = finiteOrUndefined(raw.max, `${where}.max`);
    if (min !== undefined && max !== undefined && min > max) throw new ManifestError(`${where}: min > max`);
    const dflt = finiteOrUndefined(raw.default, `${where}.default`);
    if (!required && dflt === undefined)
      throw new ManifestError(`${where}: an optional numeric feature needs a default`);
    return { name: raw.name, type: 'numeric', required, min, max, default: dflt, outOfRange };
  }
  if (raw.type === 'categorical') {
    const cats = raw.categories;
    if (!Array.isArray(cats) || cats.length === 0 || !cats.every((c) => typeof c === 'string')) {
      throw new ManifestError(`${where}.categories must be a non-empty list of strings`);
    }
    if (new Set(cats).size !== cats.length) throw new ManifestError(`${where}.categories has duplicates`);
    const unseen = raw.unseen ?? 'reject';
    if (unseen !== 'reject' && unseen !== 'ignore')
      throw new ManifestError(`${where}.unseen must be reject or ignore`);
    return { name: raw.name, type: 'categorical', required, categories: cats as string[], unseen };
  }
  throw new ManifestError(`${where}.type must be numeric or categorical`);
}

/** Validates a manifest.json document; throws ManifestError naming the first bad field. */
export function parseManifest(raw: unknown): Manifest {
  if (!isJsonObject(raw)) throw new ManifestError('manifest must be a JSON object');
  if (raw.task !== 'classification' && raw.task !== 'regression') {
    throw new ManifestError('task must be classification or regression');
  }
  if (!Array.isArray(raw.features) || raw.features.length === 0)
    throw new ManifestError('features must be a list');
  const features = raw.features.map(parseFeature);
  const names = new Set(features.map((f) => f.name));
  if (names.size !== features.length) throw new ManifestError('feature names must be unique');

  const labels = raw.labels ?? [];
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new ManifestError('labels must be a list of strings');
  }
  if (raw.task === 'classification' && labels.length < 2)
    throw new ManifestError('a classifier needs >= 2 labels');

  if (!Array.isArray(raw.inputs) || raw.inputs.length === 0) throw new ManifestError('inputs must be a list');
  const inputs = raw.inputs.map((input, i) => {
    if (!isJsonObject(input) || typeof input.name !== 'string')
      throw new ManifestError(`inputs[${i}].name is required`);
    if (
      !Array.isArray(input.features) ||
      !input.features.every((f) => typeof f === 'string' && names.has(f))
    ) {
      throw new ManifestError(`inputs[${i}].features must list declared features`);
    }
    return { name: input.name, features: input.features as string[] };
  });
  const mapped = inputs.flatMap((i) => i.features);
  const unmapped = features.filter((f) => !mapped.includes(f.name)).map((f) => f.name);
  if (unmapped.length > 0)
    throw new ManifestError(`features not mapped to any input: ${unmapped.join(', ')}`);

  const outputs = isJsonObject(raw.outputs) ? raw.outputs : {};
  const out = {
    label: typeof outputs.label === 'string' ? outputs.label : undefined,
    probabilities: typeof outputs.probabilities === 'string' ? outputs.probabilities : undefined,
    value: typeof outputs.value === 'string' ? outputs.value : undefined,
  };
  if (raw.task === 'classification' && !out.label && !out.probabilities) {
    throw new ManifestError('outputs.label or outputs.probabilities is required for a classifier');
  }
  if (raw.task === 'regression' && !out.value)
    throw new ManifestError('outputs.value is required for regression');

  const sanitizeFields =
    isJsonObject(raw.sanitize) && isJsonObject(raw.sanitize.fields) ? raw.sanitize.fields : {};
  for (const [field, action] of Object.entries(sanitizeFields)) {
    if (action !== 'drop' && action !== 'mask' && action !== 'hash') {
      throw new ManifestError(`sanitize.fields.${field} must be drop, mask or hash`);
    }
  }
  const drift = isJsonObject(raw.drift) ? raw.drift : {};
  return {
    task: raw.task,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    features,
    labels: labels as string[],
    inputs,
    outputs: out,
    sanitize: { fields: sanitizeFields as Manifest['sanitize']['fields'] },
    drift: {
      ...drift,
      features: (isJsonObject(drift.features) ? drift.features : {}) as Manifest['drift']['features'],
    },
    batching: isJsonObject(raw.batching) ? (raw.batching as Manifest['batching']) : undefined,
  };
}
