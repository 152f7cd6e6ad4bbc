import { FieldError } from '../../src/common/errors/domain-error';
import { ModelRegistry } from '../../src/model-registry/model-registry.service';
import { startV2App, v2, V2Response, V2TestApp } from './v2-support';
import { LOAN_ROW } from '../utils/demo-rows';

// Inference with JSON tensors, written from the Open Inference Protocol REST specification
// (kserve/open-inference-protocol, specification/protocol/inference_rest.md): request and response
// objects, flattened or nested data, the outputs filter, id echo, and 400 for bad requests.

type Input = { name: string; shape: number[]; datatype: string; data?: unknown; parameters?: object };

/** stateful-scorer's graph, computed here (float32 arithmetic) to check the served values. */
function scorer(tokens: number[][], step: number, state: number[][]) {
  const f = Math.fround;
  const newState = state.map((row) => row.map((s) => f(f(s * 0.5) + step)));
  const tokenSum = tokens.map((row) => row.reduce((a, b) => a + b, 0));
  const score = newState.map((row, i) => f(row.reduce((a, b) => f(a + b), 0) + tokenSum[i]));
  return { newState: newState.flat(), tokenSum, nextStep: step + 1, score };
}

const tokens: Input = {
  name: 'tokens',
  shape: [2, 3],
  datatype: 'INT64',
  data: [
    [1, 2, 3],
    [4, 5, 6],
  ],
};
const step: Input = { name: 'step', shape: [], datatype: 'INT64', data: [7] };
const state: Input = {
  name: 'state',
  shape: [2, 2],
  datatype: 'FP32',
  data: [
    [0.5, -1.25],
    [3, 40.75],
  ],
};

/** One element per dtype-zoo input, two elements each, including each type's extremes. */
const ZOO: Record<string, [string, unknown[]]> = {
  in_bool: ['BOOL', [true, false]],
  in_uint8: ['UINT8', [0, 255]],
  in_uint16: ['UINT16', [1, 65535]],
  in_uint32: ['UINT32', [2, 4294967295]],
  in_uint64: ['UINT64', [3, '18446744073709551615']],
  in_int8: ['INT8', [-128, 127]],
  in_int16: ['INT16', [-32768, 32767]],
  in_int32: ['INT32', [-2147483648, 2147483647]],
  in_int64: ['INT64', ['-9223372036854775808', 9007199254740991]],
  in_fp16: ['FP16', [0.5, -65504]],
  in_fp32: ['FP32', [0.25, '-Infinity']],
  in_fp64: ['FP64', [0.1, 'NaN']],
  in_bytes: ['BYTES', ['héllo wörld 🙂', '']],
};

function zooRequest(overrides: Record<string, Partial<Input>> = {}, extra: object = {}) {
  return {
    inputs: Object.entries(ZOO).map(([name, [datatype, data]]) => ({
      name,
      datatype,
      shape: [data.length],
      data,
      ...overrides[name],
    })),
    ...extra,
  };
}

/** The data array of one output, as raw JSON text (64-bit integers beyond 2^53 stay exact). */
function rawData(res: V2Response, output: string): string {
  const text = res.body.toString('utf8');
  const at = text.indexOf(`{"name":${JSON.stringify(output)},`);
  const match = /"data":(\[[^\]]*\])/.exec(text.slice(at));
  if (at < 0 || !match) throw new Error(`no output ${output} in ${text}`);
  return match[1];
}

describe('Open Inference Protocol: inference with JSON tensors (e2e)', () => {
  let t: V2TestApp;

  beforeAll(async () => {
    t = await startV2App();
  });
  afterAll(async () => {
    await t.close();
  });

  const infer = (model: string, body: unknown, headers?: Record<string, string>) =>
    v2(t, 'POST', `/v2/models/${model}/infer`, body, headers);

  function expectBadRequest(res: V2Response, message: string | RegExp): void {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['error']);
    if (typeof message === 'string') expect(body.error).toBe(message);
    else expect(body.error).toMatch(message);
  }

  describe('a bare model with several inputs (int64 scalar, float32 state) and several outputs', () => {
    it('runs the graph and answers model_name, model_version, the request id and every output', async () => {
      const res = await infer('stateful-scorer', { id: 'req-42', inputs: [tokens, step, state] });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const expected = scorer(tokens.data as number[][], 7, state.data as number[][]);
      expect(res.json()).toEqual({
        model_name: 'stateful-scorer',
        model_version: '1',
        id: 'req-42',
        outputs: [
          { name: 'new_state', datatype: 'FP32', shape: [2, 2], data: expected.newState },
          { name: 'token_sum', datatype: 'INT64', shape: [2], data: expected.tokenSum },
          { name: 'next_step', datatype: 'INT64', shape: [], data: [8] },
          { name: 'score', datatype: 'FP32', shape: [2], data: expected.score },
        ],
      });
    });

    it('gives the same answer for flattened and nested data, with the inputs in any order', async () => {
      const nested = await infer('stateful-scorer', { inputs: [tokens, step, state] });
      const flat = await infer('stateful-scorer', {
        inputs: [
          { ...state, data: (state.data as number[][]).flat() },
          step,
          { ...tokens, data: (tokens.data as number[][]).flat() },
        ],
      });
      expect(flat.status).toBe(200);
      expect(flat.json()).toEqual(nested.json());
    });

    it('omits id when the request has none', async () => {
      const res = await infer('stateful-scorer', { inputs: [tokens, step, state] });
      expect(res.json()).not.toHaveProperty('id');
    });

    it('takes any size on the dynamic batch, sequence and hidden dimensions', async () => {
      const res = await infer('stateful-scorer', {
        inputs: [
          { name: 'tokens', shape: [1, 5], datatype: 'INT64', data: [1, 1, 1, 1, 1] },
          { name: 'step', shape: [], datatype: 'INT64', data: [-3] },
          { name: 'state', shape: [1, 3], datatype: 'FP32', data: [2, 4, 6] },
        ],
      });
      expect(res.status).toBe(200);
      const byName = Object.fromEntries(res.json().outputs.map((o: { name: string }) => [o.name, o]));
      expect(byName.new_state).toEqual({
        name: 'new_state',
        datatype: 'FP32',
        shape: [1, 3],
        data: [-2, -1, 0],
      });
      expect(byName.score.data).toEqual([-3 + 5]);
      expect(byName.next_step.data).toEqual([-2]);
    });

    it('returns only the outputs asked for, in the order asked', async () => {
      const res = await infer('stateful-scorer', {
        inputs: [tokens, step, state],
        outputs: [{ name: 'score' }, { name: 'next_step' }],
      });
      expect(res.json().outputs.map((o: { name: string }) => o.name)).toEqual(['score', 'next_step']);
      const all = await infer('stateful-scorer', { inputs: [tokens, step, state], outputs: [] });
      expect(all.json().outputs).toHaveLength(4);
    });

    it('serves /versions/{version}/infer with that version in the response', async () => {
      const res = await v2(t, 'POST', '/v2/models/stateful-scorer/versions/1/infer', {
        inputs: [tokens, step, state],
        outputs: [{ name: 'next_step' }],
      });
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ model_name: 'stateful-scorer', model_version: '1' });
    });
  });

  describe('every datatype', () => {
    it('round-trips each datatype through the graph, extremes included', async () => {
      const res = await infer('dtype-zoo', zooRequest({}, { id: 'zoo' }));
      expect(res.status).toBe(200);
      const outputs = Object.fromEntries(
        res
          .json()
          .outputs.map((o: { name: string; datatype: string; shape: number[]; data: unknown[] }) => [
            o.name,
            o,
          ]),
      );
      expect(Object.keys(outputs)).toEqual([
        ...Object.keys(ZOO).map((n) => n.replace('in_', 'out_')),
        'fp16_as_fp32',
        'bool_not',
      ]);
      for (const [name, [datatype]] of Object.entries(ZOO)) {
        expect(outputs[name.replace('in_', 'out_')]).toMatchObject({ datatype, shape: [2] });
      }
      expect(outputs.out_bool.data).toEqual([true, false]);
      expect(outputs.bool_not.data).toEqual([false, true]);
      expect(outputs.out_uint8.data).toEqual([0, 255]);
      expect(outputs.out_uint16.data).toEqual([1, 65535]);
      expect(outputs.out_uint32.data).toEqual([2, 4294967295]);
      expect(outputs.out_int8.data).toEqual([-128, 127]);
      expect(outputs.out_int16.data).toEqual([-32768, 32767]);
      expect(outputs.out_int32.data).toEqual([-2147483648, 2147483647]);
      expect(outputs.out_fp16.data).toEqual([0.5, -65504]);
      expect(outputs.fp16_as_fp32.data).toEqual([0.5, -65504]);
      expect(outputs.out_fp32.data).toEqual([0.25, '-Infinity']);
      expect(outputs.out_fp64.data).toEqual([0.1, 'NaN']);
      expect(outputs.out_bytes.data).toEqual(['héllo wörld 🙂', '']);
      // 64-bit integers are written as exact literals, beyond what a JSON.parse double holds
      expect(rawData(res, 'out_uint64')).toBe('[3,18446744073709551615]');
      expect(rawData(res, 'out_int64')).toBe('[-9223372036854775808,9007199254740991]');
    });

    it('rounds FP16 to the nearest half, as numpy does', async () => {
      const res = await infer(
        'dtype-zoo',
        zooRequest({ in_fp16: { data: [0.1, 1 / 3] } }, { outputs: [{ name: 'fp16_as_fp32' }] }),
      );
      // float16(0.1) = 0.0999755859375, float16(1/3) = 0.333251953125
      expect(res.json().outputs[0].data).toEqual([0.0999755859375, 0.333251953125]);
    });

    it('takes scalars (shape []) and empty tensors (a 0 dimension)', async () => {
      const empty = Object.fromEntries(Object.keys(ZOO).map((name) => [name, { shape: [0], data: [] }]));
      const res = await infer(
        'dtype-zoo',
        zooRequest(empty, { outputs: [{ name: 'out_fp32' }, { name: 'out_bytes' }] }),
      );
      expect(res.status).toBe(200);
      expect(res.json().outputs).toEqual([
        { name: 'out_fp32', datatype: 'FP32', shape: [0], data: [] },
        { name: 'out_bytes', datatype: 'BYTES', shape: [0], data: [] },
      ]);
    });
  });

  describe('models with a manifest and fixed dimensions', () => {
    it('gives on v2 the probabilities v1 gives for the same encoded row', async () => {
      const row = LOAN_ROW;
      const errors: FieldError[] = [];
      const model = t.app.get(ModelRegistry).version('loan-risk');
      const batch = model.encoder!.encode([row], () => 'features', errors);
      expect(errors).toEqual([]);
      const tensor = batch.tensors[0];
      const res = await infer('loan-risk', {
        inputs: [
          {
            name: tensor.name,
            shape: [1, tensor.width],
            datatype: 'FP32',
            data: Array.from(tensor.data as Float32Array),
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.json().model_version).toBe('2');
      const [probabilities, label] = res.json().outputs;
      const v1 = (await v2(t, 'POST', '/v1/models/loan-risk/predict', { features: row })).json();
      expect(probabilities.shape).toEqual([1, 2]);
      expect(probabilities.data[0]).toBeCloseTo(v1.probabilities.repaid, 6);
      expect(probabilities.data[1]).toBeCloseTo(v1.probabilities.default, 6);
      expect(label).toMatchObject({ name: 'label', datatype: 'INT64', shape: [1] });
      expect(['repaid', 'default'][label.data[0]]).toBe(v1.prediction);
    });

    it('holds a fixed batch dimension and names the input when it does not match', async () => {
      const ok = await infer('fixed-batch', {
        inputs: [
          {
            name: 'x',
            shape: [2, 3],
            datatype: 'FP32',
            data: [
              [1, 5, 3],
              [-4, -2, -9],
            ],
          },
        ],
      });
      expect(ok.json().outputs).toEqual([
        { name: 'y', datatype: 'FP32', shape: [2, 3], data: [2, 10, 6, -8, -4, -18] },
        { name: 'row_max', datatype: 'FP32', shape: [2], data: [5, -2] },
      ]);
      const bad = await infer('fixed-batch', {
        inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }],
      });
      expectBadRequest(bad, 'input "x": dimension 0 is 1, the model expects 2 (shape [2, 3])');
    });
  });

  describe('400 for bad requests, with a message that names the input', () => {
    const valid = () => ({ inputs: [tokens, step, state] });
    const withInput = (input: Input) => ({
      inputs: [tokens, step, state].map((i) => (i.name === input.name ? input : i)),
    });

    it.each<[string, unknown, string | RegExp]>([
      ['a body that is not an object', [tokens], /^the inference request must be a JSON object/],
      ['no inputs', { id: 'x' }, /^"inputs" must be an array of input tensors/],
      ['a non-string id', { ...valid(), id: 42 }, '"id" must be a string, got 42'],
      [
        'an unknown input',
        { inputs: [tokens, step, state, { ...step, name: 'bogus' }] },
        'input "bogus" is not an input of model "stateful-scorer" (inputs: tokens, step, state)',
      ],
      ['a missing input', { inputs: [tokens, state] }, 'model "stateful-scorer" needs input "step" (INT64)'],
      [
        'an input given twice',
        { inputs: [tokens, step, state, step] },
        'input "step" is given more than once',
      ],
      [
        'the wrong datatype',
        withInput({ ...step, datatype: 'INT32' }),
        'input "step" has datatype INT32, the model expects INT64',
      ],
      [
        'an unknown datatype',
        withInput({ ...state, datatype: 'FLOAT32' }),
        /^input "state": datatype "FLOAT32" is not one of BOOL, UINT8, /,
      ],
      [
        'a scalar sent as [1]',
        withInput({ ...step, shape: [1] }),
        'input "step": shape [1] has rank 1, the model expects rank 0 []',
      ],
      [
        'a negative dimension',
        withInput({ ...state, shape: [-1, 2] }),
        'input "state": shape[0] must be a non-negative integer, got -1',
      ],
      [
        'too few elements for the shape',
        withInput({ ...tokens, data: [1, 2, 3, 4, 5] }),
        'input "tokens": shape [2, 3] needs 6 elements, data has 5',
      ],
      [
        'ragged nested data',
        withInput({
          ...tokens,
          data: [
            [1, 2, 3],
            [4, 5],
          ],
        }),
        'input "tokens": data[1] must be an array of 3 elements to match shape [2, 3]',
      ],
      [
        'a fraction for INT64',
        withInput({ ...step, data: [1.5] }),
        'input "step": data element 0 (1.5) is not an integer (INT64)',
      ],
      [
        'an integer JSON cannot hold exactly',
        withInput({ ...step, data: [Number('9007199254740993')] }),
        /^input "step": data element 0 .* is beyond 2\^53 .* send it as a decimal string$/,
      ],
      [
        'a string for FP32',
        withInput({ ...state, data: [1, 2, 3, 'four'] }),
        /^input "state": data element 3 \("four"\) is not a number/,
      ],
      [
        'no data',
        withInput({ ...step, data: undefined }),
        'input "step" has no "data" (nor binary_data_size)',
      ],
      [
        'an unknown output',
        { ...valid(), outputs: [{ name: 'logits' }] },
        'output "logits" is not an output of model "stateful-scorer" (outputs: new_state, token_sum, next_step, score)',
      ],
      [
        'an output asked twice',
        { ...valid(), outputs: [{ name: 'score' }, { name: 'score' }] },
        'output "score" is requested more than once',
      ],
      [
        'binary_data_size without binary data',
        withInput({ ...step, data: undefined, parameters: { binary_data_size: 8 } }),
        /^input "step" sets binary_data_size but the request has no binary data/,
      ],
    ])('rejects %s', async (_case, body, message) => {
      expectBadRequest(await infer('stateful-scorer', body), message);
    });

    it.each<[string, unknown, RegExp]>([
      ['in_uint8', [256, 0], /out of range for UINT8 \(0\.\.255\)/],
      ['in_int8', [-129, 0], /out of range for INT8/],
      ['in_uint64', [-1, 0], /out of range for UINT64/],
      ['in_fp16', [70000, 0], /out of range for FP16/],
      ['in_fp32', [1e39, 0], /out of range for FP32/],
      ['in_bool', ['yes', true], /is not a BOOL/],
      ['in_bytes', [5, 'a'], /is not a string/],
      [
        'in_bytes',
        ['a\u0000b', 'c'],
        /contains a NUL character, which onnxruntime's string tensors cannot hold/,
      ],
    ])('rejects a value %s cannot hold, never truncating it', async (name, data, message) => {
      const res = await infer('dtype-zoo', zooRequest({ [name]: { data } }));
      expectBadRequest(res, new RegExp(`^input "${name}": data element 0 .*${message.source}`));
    });

    it('reports tensors the graph refuses to run (inconsistent batch sizes) as a 400 naming the node', async () => {
      const res = await infer('stateful-scorer', {
        inputs: [{ ...tokens, shape: [3, 2], data: [1, 2, 3, 4, 5, 6] }, step, state],
      });
      expectBadRequest(
        res,
        /^model "stateful-scorer" version 1 could not run these inputs: Add node: .*broadcast/,
      );
    });

    it('answers malformed and empty JSON bodies with {"error"}', async () => {
      expectBadRequest(await infer('stateful-scorer', '{"inputs": ['), 'the body is not valid JSON');
      const empty = await t.app.inject({
        method: 'POST',
        url: '/v2/models/stateful-scorer/infer',
        headers: { 'content-type': 'application/json' },
        payload: '',
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toEqual({ error: 'the body is empty: send an inference request' });
    });
  });
});
