/** OpenAPI examples for the infer routes, whose bodies are validated by hand (see request/). */
export const INFER_REQUEST_EXAMPLE = {
  id: '42',
  inputs: [
    { name: 'tokens', shape: [1, 3], datatype: 'INT64', data: [[1, 2, 3]] },
    { name: 'step', shape: [], datatype: 'INT64', data: [7] },
    { name: 'state', shape: [1, 2], datatype: 'FP32', data: [0.5, -1] },
  ],
  outputs: [{ name: 'score' }, { name: 'next_step', parameters: { binary_data: false } }],
};

const TENSOR = {
  type: 'object',
  required: ['name', 'shape', 'datatype'],
  properties: {
    name: { type: 'string' },
    shape: { type: 'array', items: { type: 'integer' } },
    datatype: { type: 'string', example: 'FP32' },
    parameters: { type: 'object', example: { binary_data_size: 24 } },
    data: { type: 'array', items: {} },
  },
};

export const INFER_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['model_name', 'outputs'],
  properties: {
    model_name: { type: 'string', example: 'stateful-scorer' },
    model_version: { type: 'string', example: '1' },
    id: { type: 'string', example: '42' },
    outputs: { type: 'array', items: TENSOR },
  },
};
