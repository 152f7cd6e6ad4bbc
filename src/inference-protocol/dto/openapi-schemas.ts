import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SUPPORTED_DATATYPES } from '../tensor/datatypes';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const shape: SchemaObject = {
  type: 'array',
  items: { type: 'integer', minimum: 0 },
  description: 'dimensions, outermost first; [] for a scalar',
};

/** A tensor of a request or a response: the two have the same fields in the protocol. */
const tensor = (description: string, example: string): SchemaObject => ({
  type: 'object',
  required: ['name', 'shape', 'datatype'],
  description,
  properties: {
    name: { type: 'string', example },
    shape,
    datatype: ref('Datatype'),
    parameters: ref('InferenceParameters'),
    data: ref('TensorData'),
  },
});

/**
 * The inference request and response of the Open Inference Protocol (its open_inference_rest.yaml,
 * kserve/open-inference-protocol), with the binary tensor extension's parameters and the
 * datatypes Sightline can feed to onnxruntime; the request is validated by hand (request/).
 */
export const PROTOCOL_SCHEMAS: Record<string, SchemaObject> = {
  Datatype: { type: 'string', enum: [...SUPPORTED_DATATYPES] },
  TensorData: {
    type: 'array',
    description:
      'Row-major elements, flat or nested as the shape; numbers, booleans (BOOL), strings (BYTES; ' +
      '"NaN"/"Infinity"/"-Infinity" for floats; decimal strings for 64-bit integers past 2^53)',
    // nested rows are arrays of the same (the protocol's schema says so by recursion, which
    // generated TypeScript cannot express through its indexed types)
    items: {
      anyOf: [
        { type: 'number' },
        { type: 'string' },
        { type: 'boolean' },
        { type: 'array', items: {}, description: 'a nested row' },
      ],
    },
  },
  InferenceParameters: {
    type: 'object',
    description: 'Free-form parameters; those below are the binary tensor extension',
    properties: {
      binary_data_output: { type: 'boolean', description: 'request: every output in binary' },
      binary_data: { type: 'boolean', description: 'requested output: this one in binary (or not)' },
      binary_data_size: {
        type: 'integer',
        minimum: 0,
        description: 'tensor: its bytes follow the JSON header instead of `data`',
      },
    },
    additionalProperties: true,
  },
  RequestInput: tensor(
    'An input tensor: `data`, or `parameters.binary_data_size` with the binary extension',
    'input',
  ),
  RequestOutput: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', example: 'probabilities' },
      parameters: ref('InferenceParameters'),
    },
  },
  InferenceRequest: {
    type: 'object',
    required: ['inputs'],
    properties: {
      id: { type: 'string', description: 'echoed in the response' },
      parameters: ref('InferenceParameters'),
      inputs: { type: 'array', items: ref('RequestInput') },
      outputs: {
        type: 'array',
        items: ref('RequestOutput'),
        description: 'the outputs to compute, in this order; all of them when absent or empty',
      },
    },
  },
  ResponseOutput: tensor(
    'An output tensor: `data`, or `parameters.binary_data_size` for a binary output',
    'probabilities',
  ),
  InferenceResponse: {
    type: 'object',
    required: ['model_name', 'model_version', 'outputs'],
    properties: {
      model_name: { type: 'string', example: 'loan-risk' },
      model_version: { type: 'string', example: '2' },
      id: { type: 'string' },
      parameters: ref('InferenceParameters'),
      outputs: { type: 'array', items: ref('ResponseOutput') },
    },
  },
};

export const INFER_REQUEST_EXAMPLE = {
  id: '42',
  inputs: [
    {
      name: 'input',
      shape: [1, 12],
      datatype: 'FP32',
      data: [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0],
    },
  ],
  outputs: [{ name: 'probabilities' }],
};

export const INFER_RESPONSE_EXAMPLE = {
  model_name: 'loan-risk',
  model_version: '2',
  id: '42',
  outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [1, 2], data: [0.93, 0.07] }],
};

export const HEADER_LENGTH_DESCRIPTION =
  'Binary tensor extension: the length in bytes of the JSON part that starts the body; the tensors follow it';
