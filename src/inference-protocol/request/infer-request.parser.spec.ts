import { DomainError } from '../../common/errors/domain-error';
import { InferenceBody, ModelSignature } from './infer-request';
import { parseInferRequest } from './infer-request.parser';

const MODEL: ModelSignature = {
  name: 'scorer',
  inputs: [
    { name: 'tokens', type: 'int64', shape: ['batch', 'seq'] },
    { name: 'step', type: 'int64', shape: [] },
  ],
  outputs: [
    { name: 'score', type: 'float32', shape: ['batch'] },
    { name: 'next_step', type: 'int64', shape: [] },
    { name: 'zipmap', type: 'non-tensor', shape: [] },
  ],
};

const tokens = { name: 'tokens', shape: [1, 2], datatype: 'INT64', data: [[1, 2]] };
const step = { name: 'step', shape: [], datatype: 'INT64', data: [3] };

function message(body: unknown, binary?: Buffer): string {
  try {
    parseInferRequest(new InferenceBody(body, binary), MODEL);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).message;
  }
  throw new Error('expected a validation error');
}

describe(parseInferRequest.name, () => {
  it('decodes every input and defaults to every tensor output', () => {
    const parsed = parseInferRequest(new InferenceBody({ id: 'a', inputs: [tokens, step] }), MODEL);
    expect(parsed.id).toBe('a');
    expect(parsed.inputs.map((i) => [i.name, i.shape, i.data])).toEqual([
      ['tokens', [1, 2], BigInt64Array.of(1n, 2n)],
      ['step', [], BigInt64Array.of(3n)],
    ]);
    expect(parsed.outputs.map((o) => [o.name, o.binary])).toEqual([
      ['score', false],
      ['next_step', false],
    ]);
  });

  it('follows the outputs filter in its order, with binary_data over binary_data_output', () => {
    const parsed = parseInferRequest(
      new InferenceBody({
        parameters: { binary_data_output: true },
        inputs: [tokens, step],
        outputs: [{ name: 'next_step', parameters: { binary_data: false } }, { name: 'score' }],
      }),
      MODEL,
    );
    expect(parsed.outputs.map((o) => [o.name, o.binary])).toEqual([
      ['next_step', false],
      ['score', true],
    ]);
  });

  it('takes binary inputs from the tail in order of appearance', () => {
    const tail = Buffer.concat([
      Buffer.from(BigInt64Array.of(3n).buffer),
      Buffer.from(BigInt64Array.of(1n, 2n).buffer),
    ]);
    const parsed = parseInferRequest(
      new InferenceBody(
        {
          inputs: [
            { ...step, data: undefined, parameters: { binary_data_size: 8 } },
            { ...tokens, data: undefined, parameters: { binary_data_size: 16 } },
          ],
        },
        tail,
      ),
      MODEL,
    );
    expect(parsed.inputs.map((i) => i.data)).toEqual([BigInt64Array.of(3n), BigInt64Array.of(1n, 2n)]);
  });

  it.each<[string, unknown, string | RegExp]>([
    ['a non-object body', [1], 'the inference request must be a JSON object, got [1]'],
    ['a non-string id', { id: 5, inputs: [tokens, step] }, '"id" must be a string, got 5'],
    ['no inputs', {}, /"inputs" must be an array/],
    [
      'an unknown input',
      { inputs: [tokens, step, { ...step, name: 'x' }] },
      /input "x" is not an input of model "scorer" \(inputs: tokens, step\)/,
    ],
    ['a missing input', { inputs: [tokens] }, 'model "scorer" needs input "step" (INT64)'],
    ['a repeated input', { inputs: [tokens, step, step] }, 'input "step" is given more than once'],
    [
      'the wrong datatype',
      { inputs: [tokens, { ...step, datatype: 'INT32' }] },
      'input "step" has datatype INT32, the model expects INT64',
    ],
    [
      'an unknown datatype',
      { inputs: [tokens, { ...step, datatype: 'FLOAT' }] },
      /input "step": datatype "FLOAT" is not one of BOOL, UINT8/,
    ],
    [
      'a scalar sent with rank 1',
      { inputs: [tokens, { ...step, shape: [1] }] },
      'input "step": shape [1] has rank 1, the model expects rank 0 []',
    ],
    [
      'no data',
      { inputs: [tokens, { ...step, data: undefined }] },
      'input "step" has no "data" (nor binary_data_size)',
    ],
    [
      'binary_data_size without a binary body',
      { inputs: [tokens, { ...step, data: undefined, parameters: { binary_data_size: 8 } }] },
      /sets binary_data_size but the request has no binary data/,
    ],
    [
      'an unknown output',
      { inputs: [tokens, step], outputs: [{ name: 'nope' }] },
      /output "nope" is not an output of model "scorer"/,
    ],
    [
      'a repeated output',
      { inputs: [tokens, step], outputs: [{ name: 'score' }, { name: 'score' }] },
      'output "score" is requested more than once',
    ],
    [
      'a non-tensor output',
      { inputs: [tokens, step], outputs: [{ name: 'zipmap' }] },
      /output "zipmap" has type non-tensor/,
    ],
    [
      'a non-boolean binary_data',
      { inputs: [tokens, step], outputs: [{ name: 'score', parameters: { binary_data: 'yes' } }] },
      /binary_data must be true or false/,
    ],
    [
      'non-object parameters',
      { parameters: [], inputs: [tokens, step] },
      '"parameters" must be an object, got []',
    ],
  ])('rejects %s', (_case, body, expected) => {
    const text = message(body);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });

  it('rejects binary sizes that overrun the body or leave bytes unclaimed', () => {
    const binaryStep = { ...step, data: undefined, parameters: { binary_data_size: 8 } };
    expect(message({ inputs: [tokens, binaryStep] }, Buffer.alloc(4))).toMatch(
      /binary_data_size 8 runs past the end of the body \(4 bytes left\)/,
    );
    expect(message({ inputs: [tokens, binaryStep] }, Buffer.alloc(12))).toBe(
      'the body has 4 bytes of binary data no input claims',
    );
    expect(message({ inputs: [tokens, { ...binaryStep, data: [3] }] }, Buffer.alloc(8))).toBe(
      'input "step" has both "data" and binary_data_size: send one',
    );
  });
});
