import { Manifest, featureWidth } from './manifest';
import { TensorInfo } from './onnx-session';

/** Checks that a manifest describes the graph it sits beside; returns the problems found. */
export function checkManifestAgainstGraph(
  manifest: Manifest,
  inputs: TensorInfo[],
  outputs: TensorInfo[],
): string[] {
  const problems: string[] = [];
  const widthOf = new Map(manifest.features.map((f) => [f.name, featureWidth(f)]));
  const graphInputs = new Map(inputs.map((i) => [i.name, i]));
  for (const mapping of manifest.inputs) {
    const info = graphInputs.get(mapping.name);
    if (!info) {
      problems.push(
        `input "${mapping.name}" is not in the graph (graph inputs: ${[...graphInputs.keys()].join(', ')})`,
      );
      continue;
    }
    if (info.type !== 'float32') problems.push(`input "${mapping.name}" is ${info.type}, expected float32`);
    const width = mapping.features.reduce((sum, f) => sum + (widthOf.get(f) ?? 0), 0);
    if (info.shape.length !== 2) {
      problems.push(`input "${mapping.name}" has rank ${info.shape.length}, expected [batch, ${width}]`);
    } else if (typeof info.shape[1] === 'number' && info.shape[1] !== width) {
      problems.push(`input "${mapping.name}" has width ${info.shape[1]}, the manifest maps ${width} columns`);
    }
    graphInputs.delete(mapping.name);
  }
  if (graphInputs.size > 0)
    problems.push(`graph inputs not mapped by the manifest: ${[...graphInputs.keys()].join(', ')}`);

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
  const probs = expect(manifest.outputs.probabilities, ['float32', 'float64'], 'probabilities');
  if (probs && typeof probs.shape[1] === 'number' && probs.shape[1] !== manifest.labels.length) {
    problems.push(`probabilities output has ${probs.shape[1]} columns for ${manifest.labels.length} labels`);
  }
  expect(manifest.outputs.value, ['float32', 'float64'], 'value');
  return problems;
}
