import { Readable } from 'node:stream';
import { InferenceBody } from '../request/infer-request';
import { BinaryBodyError, readBody, splitBinaryBody } from './binary-body';

const parse = (text: string): unknown => JSON.parse(text);

describe(splitBinaryBody.name, () => {
  it('splits the JSON header from the binary tail', () => {
    const body = Buffer.concat([Buffer.from('{"a":1}'), Buffer.from([1, 2, 3])]);
    const split = splitBinaryBody(body, '7', parse);
    expect(split).toBeInstanceOf(InferenceBody);
    expect(split.json).toEqual({ a: 1 });
    expect([...split.binary!]).toEqual([1, 2, 3]);
  });

  it('reads a body without the header as JSON only', () => {
    expect(splitBinaryBody(Buffer.from('{"a":1}'), undefined, parse)).toEqual(new InferenceBody({ a: 1 }));
  });

  it.each(['-1', '8', 'x', '1e3', ''])('rejects header length %p for a 7-byte body', (header) => {
    expect(() => splitBinaryBody(Buffer.from('{"a":1}'), header, parse)).toThrow(BinaryBodyError);
  });
});

describe(readBody.name, () => {
  it('collects the stream and enforces the limit and Content-Length', async () => {
    await expect(readBody(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 10, '3')).resolves.toEqual(
      Buffer.from('abc'),
    );
    await expect(readBody(Readable.from([Buffer.from('abcd')]), 3, undefined)).rejects.toMatchObject({
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    await expect(readBody(Readable.from([]), 3, '4')).rejects.toMatchObject({
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    await expect(readBody(Readable.from([Buffer.from('ab')]), 10, '3')).rejects.toMatchObject({
      code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
    });
  });
});
