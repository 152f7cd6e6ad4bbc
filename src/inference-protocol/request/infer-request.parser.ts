import { TensorInfo } from '../../model-registry/onnx-session';
import { datatypeInfo, DatatypeInfo, protocolDatatype, SUPPORTED_DATATYPES } from '../tensor/datatypes';
import { decodeBinary } from '../tensor/binary-codec';
import { invalid, show } from '../tensor/invalid';
import { decodeJson } from '../tensor/json-codec';
import { checkAgainstModel, elementCount, flattenData, parseShape } from '../tensor/shape';
import { parseOutputs } from './outputs.parser';
import { InferenceBody, ModelSignature, ParsedInferRequest, ParsedInput } from './infer-request';
import { graphDatatype, optionalBoolean, optionalObject } from './json-fields';
import { isJsonObject } from '../../common/json';

/**
 * Checks an inference request against the model's graph and decodes every input, or throws a
 * validation error naming the input and the reason (the protocol's 400).
 */
export function parseInferRequest(body: InferenceBody, model: ModelSignature): ParsedInferRequest {
  const json = body.json;
  if (!isJsonObject(json)) invalid('body', `the inference request must be a JSON object, got ${show(json)}`);
  if (json.id !== undefined && typeof json.id !== 'string')
    invalid('id', `"id" must be a string, got ${show(json.id)}`);
  const parameters = optionalObject(json.parameters, 'parameters', '"parameters"');
  const binaryDefault = optionalBoolean(parameters?.binary_data_output, 'parameters.binary_data_output');

  const inputs = parseInputs(json.inputs, body.binary, model);
  return {
    id: json.id,
    parameters,
    inputs,
    outputs: parseOutputs(json.outputs, model, binaryDefault ?? false),
  };
}

function parseInputs(raw: unknown, binary: Buffer | undefined, model: ModelSignature): ParsedInput[] {
  if (!Array.isArray(raw)) invalid('inputs', `"inputs" must be an array of input tensors, got ${show(raw)}`);
  const declared = new Map(model.inputs.map((t) => [t.name, t]));
  const seen = new Set<string>();
  let offset = 0;
  const inputs = raw.map((item, i): ParsedInput => {
    const field = `inputs[${i}]`;
    if (!isJsonObject(item)) invalid(field, `inputs[${i}] must be an object, got ${show(item)}`);
    if (typeof item.name !== 'string' || item.name === '')
      invalid(`${field}.name`, `inputs[${i}] needs a "name" string`);
    const name = item.name;
    const label = `input "${name}"`;
    if (seen.has(name)) invalid(`${field}.name`, `${label} is given more than once`);
    seen.add(name);
    const graph = declared.get(name);
    if (!graph)
      invalid(
        `${field}.name`,
        `${label} is not an input of model "${model.name}" (inputs: ${[...declared.keys()].join(', ')})`,
      );
    const info = checkDatatype(item.datatype, graph, label, `${field}.datatype`);
    const shape = parseShape(item.shape, label, `${field}.shape`);
    checkAgainstModel(shape, graph, label, `${field}.shape`);
    const params = optionalObject(item.parameters, `${field}.parameters`, `${label}: "parameters"`);
    const size = params?.binary_data_size;
    if (size === undefined) {
      if (item.data === undefined) invalid(`${field}.data`, `${label} has no "data" (nor binary_data_size)`);
      const flat = flattenData(item.data, shape, label, `${field}.data`);
      return { name, info, shape, data: decodeJson(info, flat, label, `${field}.data`) };
    }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      invalid(
        `${field}.parameters`,
        `${label}: binary_data_size must be a non-negative integer, got ${show(size)}`,
      );
    if (item.data !== undefined)
      invalid(`${field}.data`, `${label} has both "data" and binary_data_size: send one`);
    if (!binary)
      invalid(
        `${field}.parameters`,
        `${label} sets binary_data_size but the request has no binary data (send the Inference-Header-Content-Length header)`,
      );
    if (offset + size > binary.byteLength)
      invalid(
        `${field}.parameters`,
        `${label}: binary_data_size ${size} runs past the end of the body (${binary.byteLength - offset} bytes left)`,
      );
    const bytes = binary.subarray(offset, offset + size);
    offset += size;
    return { name, info, shape, data: decodeBinary(info, bytes, shape, elementCount(shape), label, field) };
  });
  const missing = model.inputs.filter((t) => !seen.has(t.name));
  if (missing.length > 0) {
    const list = missing.map((t) => `"${t.name}" (${protocolDatatype(t.type)})`).join(', ');
    invalid('inputs', `model "${model.name}" needs input ${list}`);
  }
  if (binary && offset !== binary.byteLength)
    invalid('inputs', `the body has ${binary.byteLength - offset} bytes of binary data no input claims`);
  return inputs;
}

function checkDatatype(raw: unknown, graph: TensorInfo, label: string, field: string): DatatypeInfo {
  const wanted = graphDatatype(graph);
  if (!wanted) invalid(field, `${label} has type ${graph.type}, which Sightline cannot feed to onnxruntime`);
  if (typeof raw !== 'string' || !datatypeInfo(raw))
    invalid(field, `${label}: datatype ${show(raw)} is not one of ${SUPPORTED_DATATYPES.join(', ')}`);
  if (raw !== wanted.datatype)
    invalid(field, `${label} has datatype ${raw}, the model expects ${wanted.datatype}`);
  return wanted;
}
