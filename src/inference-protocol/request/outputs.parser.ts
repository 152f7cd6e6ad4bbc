import { invalid, show } from '../tensor/invalid';
import { ModelSignature, RequestedOutput } from './infer-request';
import { graphDatatype, optionalBoolean, optionalObject } from './json-fields';
import { isJsonObject } from '../../common/json';

/**
 * The outputs to compute and return. Without an `outputs` list (or with an empty one) that is every
 * tensor output of the graph; with one, exactly those named, in that order. `binary_data` on an
 * output overrides the request's `binary_data_output`.
 */
export function parseOutputs(raw: unknown, model: ModelSignature, binaryDefault: boolean): RequestedOutput[] {
  if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
    return model.outputs.flatMap((t) => {
      const info = graphDatatype(t);
      return info ? [{ name: t.name, info, binary: binaryDefault }] : [];
    });
  }
  if (!Array.isArray(raw))
    invalid('outputs', `"outputs" must be an array of requested outputs, got ${show(raw)}`);
  const declared = new Map(model.outputs.map((t) => [t.name, t]));
  const seen = new Set<string>();
  return raw.map((item, i): RequestedOutput => {
    const field = `outputs[${i}]`;
    if (!isJsonObject(item) || typeof item.name !== 'string')
      invalid(field, `outputs[${i}] must be an object with a "name" string, got ${show(item)}`);
    const label = `output "${item.name}"`;
    const graph = declared.get(item.name);
    if (!graph)
      invalid(
        `${field}.name`,
        `${label} is not an output of model "${model.name}" (outputs: ${[...declared.keys()].join(', ')})`,
      );
    if (seen.has(item.name)) invalid(`${field}.name`, `${label} is requested more than once`);
    seen.add(item.name);
    const info = graphDatatype(graph);
    if (!info) invalid(`${field}.name`, `${label} has type ${graph.type}, which Sightline cannot return`);
    const params = optionalObject(item.parameters, `${field}.parameters`, `${label}: "parameters"`);
    const binary = optionalBoolean(params?.binary_data, `${field}.parameters.binary_data`);
    return { name: item.name, info, binary: binary ?? binaryDefault };
  });
}
