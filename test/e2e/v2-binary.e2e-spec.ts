import { queryDb } from '../utils/test-database';
import { binaryBody, splitBinaryResponse, startV2App, v2, V2Response, V2TestApp } from './v2-support';

// The binary tensor data extension (Inference-Header-Content-Length, binary_data_size,
// binary_data, binary_data_output), written from its specification: little-endian, row-major,
// BOOL one byte, BYTES a 4-byte length then the bytes, tensors after the JSON in request order.

const V2_MAX_BODY_BYTES = 8 * 1024 * 1024;
const bytes = (view: ArrayBufferView): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

function lengthPrefixed(items: string[]): Buffer {
  return Buffer.concat(
    items.flatMap((s) => {
      const data = Buffer.from(s, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(data.byteLength);
      return [length, data];
    }),
  );
}

/** One binary tensor per dtype-zoo input, extremes included. */
const ZOO: Record<string, [string, Buffer, number]> = {
  in_bool: ['BOOL', Buffer.from([1, 0, 1]), 3],
  in_uint8: ['UINT8', bytes(Uint8Array.of(0, 128, 255)), 3],
  in_uint16: ['UINT16', bytes(Uint16Array.of(0, 1, 65535)), 3],
  in_uint32: ['UINT32', bytes(Uint32Array.of(0, 1, 4294967295)), 3],
  in_uint64: ['UINT64', bytes(BigUint64Array.of(0n, 1n, 18446744073709551615n)), 3],
  in_int8: ['INT8', bytes(Int8Array.of(-128, 0, 127)), 3],
  in_int16: ['INT16', bytes(Int16Array.of(-32768, 0, 32767)), 3],
  in_int32: ['INT32', bytes(Int32Array.of(-2147483648, 0, 2147483647)), 3],
  in_int64: ['INT64', bytes(BigInt64Array.of(-9223372036854775808n, 0n, 9223372036854775807n)), 3],
  // half bits: 1, -2, 65504 (FP16 has no JSON form, which is what the extension is for)
  in_fp16: ['FP16', bytes(Uint16Array.of(0x3c00, 0xc000, 0x7bff)), 3],
  in_fp32: ['FP32', bytes(Float32Array.of(0.1, NaN, -Infinity)), 3],
  in_fp64: ['FP64', bytes(Float64Array.of(0.1, 1e300, -0)), 3],
  in_bytes: ['BYTES', lengthPrefixed(['héllo', '', '\u00ffbinary 🙂']), 3],
};

function zooBinary(overrides: Record<string, [string, Buffer, number]> = {}, extra: object = {}) {
  const tensors = { ...ZOO, ...overrides };
  return binaryBody(
    {
      inputs: Object.entries(tensors).map(([name, [datatype, data, n]]) => ({
        name,
        datatype,
        shape: [n],
        parameters: { binary_data_size: data.byteLength },
      })),
      ...extra,
    },
    Object.values(tensors).map(([, data]) => data),
  );
}

/** The same dtype-zoo request as JSON tensors (three elements each), with some inputs replaced. */
function zooJson(overrides: Record<string, [string, unknown[]]>, outputs: object[]) {
  const values: Record<string, unknown[]> = {
    BOOL: [true, false, true],
    BYTES: ['a', 'b', 'c'],
    FP16: [1, 2, 3],
  };
  return {
    inputs: Object.entries(ZOO).map(([name, [datatype]]) => {
      const data = overrides[name]?.[1] ?? values[datatype] ?? [1, 2, 3];
      return { name, datatype, shape: [data.length], data };
    }),
    outputs,
  };
}

describe('Open Inference Protocol: binary tensor data extension (e2e)', () => {
  let t: V2TestApp;

  beforeAll(async () => {
    t = await startV2App({ V2_MAX_BODY_BYTES: String(V2_MAX_BODY_BYTES) });
  });
  afterAll(async () => {
    await t.close();
  });

  const postBinary = (
    url: string,
    body: Buffer,
    headerLength: number,
    headers: Record<string, string> = { 'content-type': 'application/octet-stream' },
  ): Promise<V2Response> =>
    v2(t, 'POST', url, body, { 'inference-header-content-length': String(headerLength), ...headers });

  it('takes binary inputs and answers JSON outputs when none are asked for as binary', async () => {
    const { body, headerLength } = binaryBody(
      {
        id: 'bin-1',
        inputs: [
          { name: 'tokens', shape: [1, 2], datatype: 'INT64', parameters: { binary_data_size: 16 } },
          { name: 'step', shape: [], datatype: 'INT64', data: [4] },
          { name: 'state', shape: [1, 2], datatype: 'FP32', parameters: { binary_data_size: 8 } },
        ],
      },
      [bytes(BigInt64Array.of(10n, 20n)), bytes(Float32Array.of(2, 6))],
    );
    const res = await postBinary('/v2/models/stateful-scorer/infer', body, headerLength);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['inference-header-content-length']).toBeUndefined();
    expect(res.json()).toMatchObject({ model_name: 'stateful-scorer', model_version: '1', id: 'bin-1' });
    const byName = Object.fromEntries(
      res.json().outputs.map((o: { name: string; data: unknown }) => [o.name, o.data]),
    );
    expect(byName).toEqual({ new_state: [5, 7], token_sum: [30], next_step: [5], score: [42] });
  });

  it('round-trips every datatype in binary, in and out, byte for byte', async () => {
    const { body, headerLength } = zooBinary({}, { parameters: { binary_data_output: true } });
    const res = await postBinary('/v2/models/dtype-zoo/infer', body, headerLength);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const { header, tensors } = splitBinaryResponse(res);
    expect(header).toMatchObject({ model_name: 'dtype-zoo', model_version: '1' });
    for (const o of header.outputs) expect(o).not.toHaveProperty('data');
    for (const [name, [datatype, data]] of Object.entries(ZOO)) {
      const out = name.replace('in_', 'out_');
      expect(header.outputs.find((o: { name: string }) => o.name === out)).toEqual({
        name: out,
        datatype,
        shape: [3],
        parameters: { binary_data_size: data.byteLength },
      });
      expect(tensors[out].equals(data)).toBe(true);
    }
    expect([...tensors.bool_not]).toEqual([0, 1, 0]);
    expect([...new Float32Array(new Uint8Array(tensors.fp16_as_fp32).buffer)]).toEqual([1, -2, 65504]);
  });

  it('mixes JSON and binary outputs: binary_data on an output overrides binary_data_output', async () => {
    const { body, headerLength } = zooBinary(
      {},
      {
        parameters: { binary_data_output: true },
        outputs: [
          { name: 'out_int16', parameters: { binary_data: false } },
          { name: 'out_bytes' },
          { name: 'fp16_as_fp32', parameters: { binary_data: false } },
          { name: 'out_uint8', parameters: { binary_data: true } },
        ],
      },
    );
    const res = await postBinary('/v2/models/dtype-zoo/infer', body, headerLength);
    const { header, tensors } = splitBinaryResponse(res);
    expect(header.outputs).toEqual([
      { name: 'out_int16', datatype: 'INT16', shape: [3], data: [-32768, 0, 32767] },
      {
        name: 'out_bytes',
        datatype: 'BYTES',
        shape: [3],
        parameters: { binary_data_size: ZOO.in_bytes[1].byteLength },
      },
      { name: 'fp16_as_fp32', datatype: 'FP32', shape: [3], data: [1, -2, 65504] },
      { name: 'out_uint8', datatype: 'UINT8', shape: [3], parameters: { binary_data_size: 3 } },
    ]);
    expect(tensors.out_bytes.equals(ZOO.in_bytes[1])).toBe(true);
    expect([...tensors.out_uint8]).toEqual([0, 128, 255]);
  });

  it('returns binary outputs for a JSON request that asks for them', async () => {
    const res = await v2(t, 'POST', '/v2/models/fixed-batch/infer', {
      inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 2, 3, 4, 5, 6] }],
      outputs: [{ name: 'row_max', parameters: { binary_data: true } }],
    });
    const { header, tensors } = splitBinaryResponse(res);
    expect(header.outputs).toEqual([
      { name: 'row_max', datatype: 'FP32', shape: [2], parameters: { binary_data_size: 8 } },
    ]);
    expect([...new Float32Array(new Uint8Array(tensors.row_max).buffer)]).toEqual([3, 6]);
  });

  it('carries a 1-million-element input past the JSON body limit and logs it as a summary', async () => {
    const n = 1_000_000;
    const big = new Float32Array(n);
    for (let i = 0; i < n; i++) big[i] = (i % 1000) / 4;
    const { body, headerLength } = zooBinary(
      { in_fp32: ['FP32', bytes(big), n] },
      { outputs: [{ name: 'out_fp32', parameters: { binary_data: true } }] },
    );
    expect(body.byteLength).toBeGreaterThan(4_000_000);
    const res = await postBinary('/v2/models/dtype-zoo/infer', body, headerLength, {
      'content-type': 'application/octet-stream',
      'x-request-id': 'big-binary',
    });
    expect(res.status).toBe(200);
    const { header, tensors } = splitBinaryResponse(res);
    expect(header.outputs).toEqual([
      { name: 'out_fp32', datatype: 'FP32', shape: [n], parameters: { binary_data_size: 4 * n } },
    ]);
    expect(tensors.out_fp32.equals(bytes(big))).toBe(true);

    await t.flushLogs();
    const [row] = await queryDb<{ inputs: Record<string, unknown> }>(
      t.databaseUrl,
      "SELECT inputs FROM prediction_log WHERE request_id = 'big-binary'",
    );
    expect(row.inputs.in_fp32).toEqual({
      datatype: 'FP32',
      shape: [n],
      summary: { count: n, min: 0, max: 249.75, mean: 124.875 },
    });
  });

  it('accepts the header with no content type, application/json, or a form type (clients that send those)', async () => {
    const { body, headerLength } = zooBinary({}, { outputs: [{ name: 'out_int8' }] });
    const contentTypes: Record<string, string>[] = [
      { 'content-type': '' }, // none at all, as tritonclient sends it
      { 'content-type': 'application/json' },
      { 'content-type': 'application/x-www-form-urlencoded' }, // urllib's default
    ];
    for (const headers of contentTypes) {
      const res = await postBinary('/v2/models/dtype-zoo/infer', body, headerLength, headers);
      expect([res.status, res.json().outputs[0].data]).toEqual([200, [-128, 0, 127]]);
    }
  });

  it('reads an octet-stream body without the header as JSON only', async () => {
    const res = await v2(
      t,
      'POST',
      '/v2/models/fixed-batch/infer',
      Buffer.from(
        JSON.stringify({
          inputs: [{ name: 'x', shape: [2, 3], datatype: 'FP32', data: [1, 1, 1, 1, 1, 1] }],
        }),
      ),
      { 'content-type': 'application/octet-stream' },
    );
    expect([res.status, res.json().outputs[1].data]).toEqual([200, [1, 1]]);
  });

  describe('errors', () => {
    const expectError = (res: V2Response, status: number, message: string | RegExp): void => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.json())).toEqual(['error']);
      if (typeof message === 'string') expect(res.json().error).toBe(message);
      else expect(res.json().error).toMatch(message);
    };

    it('rejects a header length past the body, and a header that is not JSON', async () => {
      const { body } = zooBinary();
      expectError(
        await postBinary('/v2/models/dtype-zoo/infer', body, body.byteLength + 1),
        400,
        `Inference-Header-Content-Length must be an integer between 0 and the body length (${body.byteLength}), got "${body.byteLength + 1}"`,
      );
      expectError(await postBinary('/v2/models/dtype-zoo/infer', body, 5), 400, 'the body is not valid JSON');
    });

    it('rejects sizes that do not match the shape, and bytes no input claims', async () => {
      const short = zooBinary({ in_int32: ['INT32', Buffer.alloc(8), 3] });
      expectError(
        await postBinary('/v2/models/dtype-zoo/infer', short.body, short.headerLength),
        400,
        'input "in_int32": binary_data_size is 8 bytes, shape [3] of INT32 needs 12',
      );
      const extra = zooBinary();
      const padded = Buffer.concat([extra.body, Buffer.alloc(3)]);
      expectError(
        await postBinary('/v2/models/dtype-zoo/infer', padded, extra.headerLength),
        400,
        'the body has 3 bytes of binary data no input claims',
      );
      const bool = zooBinary({ in_bool: ['BOOL', Buffer.from([1, 7, 0]), 3] });
      expectError(
        await postBinary('/v2/models/dtype-zoo/infer', bool.body, bool.headerLength),
        400,
        'input "in_bool": BOOL element 1 is byte 7, expected 0 or 1',
      );
    });

    it('answers 413 {"error"} past V2_MAX_BODY_BYTES, for binary and JSON bodies', async () => {
      const huge = Buffer.alloc(V2_MAX_BODY_BYTES + 1, 0x20);
      expectError(await postBinary('/v2/models/dtype-zoo/infer', huge, 2), 413, /V2_MAX_BODY_BYTES/);
      expectError(
        await v2(t, 'POST', '/v2/models/dtype-zoo/infer', huge, { 'content-type': 'application/json' }),
        413,
        /V2_MAX_BODY_BYTES/,
      );
    });

    it('answers 415 {"error"} on v2 for a foreign content type without the header', async () => {
      const res = await v2(t, 'POST', '/v2/models/dtype-zoo/infer', 'inputs', {
        'content-type': 'text/plain',
      });
      expectError(res, 415, /^unsupported content type/);
    });
  });

  describe('the rest of the API is unchanged', () => {
    it('still answers 415 problem+json for non-JSON bodies, binary ones included', async () => {
      for (const type of ['text/plain', 'application/octet-stream']) {
        const res = await v2(t, 'POST', '/v1/models/loan-risk/predict', 'features', { 'content-type': type });
        expect(res.status).toBe(415);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      // the binary extension's header does not open other routes either
      const res = await v2(t, 'POST', '/v1/models/loan-risk/predict', '{}', {
        'content-type': 'application/octet-stream',
        'inference-header-content-length': '2',
      });
      expect(res.status).toBe(415);
    });

    it('keeps the global JSON body limit for other routes while v2 takes larger JSON', async () => {
      const v1 = await v2(t, 'POST', '/v1/models/loan-risk/predict', {
        features: {},
        metadata: { filler: Array.from({ length: 300_000 }, () => 1234567) },
      });
      expect(v1.status).toBe(413);
      expect(v1.headers['content-type']).toMatch(/^application\/problem\+json/);
      const n = 200_000;
      const big = await v2(
        t,
        'POST',
        '/v2/models/dtype-zoo/infer',
        zooJson({ in_fp32: ['FP32', Array.from({ length: n }, () => 0.1234567)] }, [
          { name: 'fp16_as_fp32' },
        ]),
      );
      expect(big.body.byteLength).toBeLessThan(200);
      expect(big.status).toBe(200);
    });

    it('still answers 404 for an unknown route whatever the content type', async () => {
      const res = await v2(t, 'POST', '/v3/anything', 'x', { 'content-type': 'text/plain' });
      expect(res.status).toBe(404);
    });
  });
});
