import { Manifest, featureWidth } from './manifest';
import { TensorInfo } from './onnx-session';
import { TOKEN_INPUTS } from './text/token-tensors';

/** Checks that a manifest describes the graph it sits beside; returns the problems found. */
export function checkManifestAgainstGraph(
  manifest: Manifest,
  inputs: TensorInfo[],
  outputs: TensorInfo[],
): string[] {
  const problems = manifest.tokenizer ? checkTokenInputs(inputs) : checkMappedInputs(manifest, inputs);
  const graphOutputs = new Map(outputs.map((o) => [o.name, o]));
  const expect = (name: string | undefined, types: string[], role: string): TensorInfo | undefined => {
    if (!name) return undefined;
    const info = graphOutputs.get(name);
    if (!info) problems.push(`${role} output "${name}" is not in the graph`);
    else if (!types.includes(info.type))
      problems.push(`${role} output "${name}" is ${info.type}, expected ${types.join(' or ')}`);
    return info;
  };
  expect(manifest.outputs.label, ['int64', 'int32'], 'label');
  for (const role of ['probabilities', 'logits'] as const) {
    const info = expect(manifest.outputs[role], ['float32', 'float64'], role);
    if (info && typeof info.shape[1] === 'number' && info.shape[1] !== manifest.labels.length) {
      problems.push(`${role} output has ${info.shape[1]} columns for ${manifest.labels.length} labels`);
    }
  }
  expect(manifest.outputs.value, ['float32', 'float64'], 'value');
  return problems;
}

function checkMappedInputs(manifest: Manifest, inputs: TensorInfo[]): string[] {
  const problems: string[] = [];
  const byName = new Map(manifest.features.map((f) => [f.name, f]));
  const graphInputs = new Map(inputs.map((i) => [i.name, i]));
  for (const mapping of manifest.inputs) {
    const info = graphInputs.get(mapping.name);
    if (!info) {
      problems.push(
        `input "${mapping.name}" is not in the graph (graph inputs: ${[...graphInputs.keys()].join(', ')})`,
      );
      continue;
    }
    const text = mapping.features.some((f) => byName.get(f)?.type === 'text');
    const expected = text ? 'string' : 'float32';
    if (info.type !== expected)
      problems.push(`input "${mapping.name}" is ${info.type}, expected ${expected}`);
    const width = mapping.features.reduce((sum, f) => sum + featureWidth(byName.get(f)!), 0);
    // a string input of one text may be [batch]: onnxruntime's text ops take rank 1 too
    if (text && width === 1 && info.shape.length === 1) {
      graphInputs.delete(mapping.name);
      continue;
    }
    if (info.shape.length !== 2) {
      problems.push(`input "${mapping.name}" has rank ${info.shape.length}, expected [batch, ${width}]`);
    } else if (typeof info.shape[1] === 'number' && info.shape[1] !== width) {
      problems.push(`input "${mapping.name}" has width ${info.shape[1]}, the manifest maps ${width} columns`);
    }
    graphInputs.delete(mapping.name);
  }
  if (graphInputs.size > 0)
    problems.push(`graph inputs not mapped by the manifest: ${[...graphInputs.keys()].join(', ')}`);
  return problems;
}

/** A tokenizer model's graph takes input_ids and optionally attention_mask and token_type_ids. */
function checkTokenInputs(inputs: TensorInfo[]): string[] {
  const problems: string[] = [];
  if (!inputs.some((i) => i.name === 'input_ids'))
    problems.push('a tokenizer model needs an input_ids input');
  for (const info of inputs) {
    if (!(TOKEN_INPUTS as readonly string[]).includes(info.name)) {
      problems.push(`input "${info.name}" is not one a tokenizer feeds (${TOKEN_INPUTS.join(', ')})`);
    } else if (info.type !== 'int64' && info.type !== 'int32') {
      problems.push(`input "${info.name}" is ${info.type}, expected int64 or int32`);
    } else if (info.shape.length !== 2) {
      problems.push(`input "${info.name}" has rank ${info.shape.length}, expected [batch, sequence]`);
    }
  }
  return problems;
}
