import { InputMapping, Manifest, TokenizerSpec } from './manifest';
import { isJsonObject } from '../common/json';
import { ManifestError, parseFeature } from './feature-parser';

export { ManifestError };

function parsePerformance(raw: unknown, task: unknown): Manifest['performance'] {
  if (raw === undefined) return {};
  if (!isJsonObject(raw)) throw new ManifestError('performance must be an object');
  const { target, chunks } = raw;
  if (target !== undefined && (typeof target !== 'string' || target.length === 0 || target.length > 128)) {
    throw new ManifestError('performance.target must name a reference.csv column');
  }
  if (target !== undefined && task !== 'classification') {
    throw new ManifestError('performance.target: estimated performance needs a classifier');
  }
  if (
    chunks !== undefined &&
    (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 2 || chunks > 100)
  ) {
    throw new ManifestError('performance.chunks must be an integer between 2 and 100');
  }
  return { target: target as string | undefined, chunks: chunks as number | undefined };
}

/** Validates a manifest.json document; throws ManifestError naming the first bad field. */
export function parseManifest(doc: unknown): Manifest {
  if (!isJsonObject(doc)) throw new ManifestError('manifest must be a JSON object');
  const tokenizer = parseTokenizer(doc.tokenizer);
  // a tokenizer manifest may be this short: the one text feature, a classifier, its logits
  const raw: Record<string, unknown> = tokenizer
    ? { task: 'classification', features: [{ name: 'text', type: 'text' }], ...doc }
    : doc;
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

  const inputs = tokenizer ? tokenizerInputs(raw, features) : parseInputs(raw.inputs, features);

  const outputs = isJsonObject(raw.outputs) ? raw.outputs : tokenizer ? { logits: 'logits' } : {};
  const out = {
    label: typeof outputs.label === 'string' ? outputs.label : undefined,
    probabilities: typeof outputs.probabilities === 'string' ? outputs.probabilities : undefined,
    value: typeof outputs.value === 'string' ? outputs.value : undefined,
    logits: typeof outputs.logits === 'string' ? outputs.logits : undefined,
  };
  if (raw.task === 'classification' && !out.label && !out.probabilities && !out.logits) {
    throw new ManifestError(
      'outputs.label, outputs.probabilities or outputs.logits is required for a classifier',
    );
  }
  if (out.logits && out.probabilities)
    throw new ManifestError('give outputs.logits or outputs.probabilities, not both');
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
    performance: parsePerformance(raw.performance, raw.task),
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
    tokenizer,
  };
}

function parseInputs(raw: unknown, features: Manifest['features']): InputMapping[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new ManifestError('inputs must be a list');
  const byName = new Map(features.map((f) => [f.name, f]));
  const inputs = raw.map((input, i) => {
    if (!isJsonObject(input) || typeof input.name !== 'string')
      throw new ManifestError(`inputs[${i}].name is required`);
    if (
      !Array.isArray(input.features) ||
      !input.features.every((f) => typeof f === 'string' && byName.has(f))
    ) {
      throw new ManifestError(`inputs[${i}].features must list declared features`);
    }
    const text = input.features.filter((f) => byName.get(f as string)!.type === 'text');
    // a string tensor holds text only; a float32 matrix numbers and one-hot blocks only
    if (text.length > 0 && text.length < input.features.length)
      throw new ManifestError(`inputs[${i}] mixes text with numeric or categorical features`);
    return { name: input.name, features: input.features as string[] };
  });
  const mapped = inputs.flatMap((i) => i.features);
  const unmapped = features.filter((f) => !mapped.includes(f.name)).map((f) => f.name);
  if (unmapped.length > 0)
    throw new ManifestError(`features not mapped to any input: ${unmapped.join(', ')}`);
  return inputs;
}

/** `"tokenizer": "tokenizer.json"` or `{"file": "tokenizer.json", "maxLength": 128}`. */
function parseTokenizer(raw: unknown): TokenizerSpec | undefined {
  if (raw === undefined) return undefined;
  const spec = typeof raw === 'string' ? { file: raw } : raw;
  if (
    !isJsonObject(spec) ||
    typeof spec.file !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(spec.file)
  ) {
    throw new ManifestError('tokenizer must name a file in the version directory, e.g. "tokenizer.json"');
  }
  const maxLength = spec.maxLength;
  if (
    maxLength !== undefined &&
    !(typeof maxLength === 'number' && Number.isInteger(maxLength) && maxLength >= 2)
  ) {
    throw new ManifestError('tokenizer.maxLength must be an integer of at least 2');
  }
  return { file: spec.file, maxLength };
}

/** The tokenizer feeds the graph from its one text feature; the graph's own input names are used. */
function tokenizerInputs(raw: Record<string, unknown>, features: Manifest['features']): InputMapping[] {
  if (raw.inputs !== undefined)
    throw new ManifestError('a tokenizer model takes its inputs from the graph: remove inputs');
  if (features.length !== 1 || features[0].type !== 'text')
    throw new ManifestError('a tokenizer model has exactly one feature, of type text');
  return [];
}
