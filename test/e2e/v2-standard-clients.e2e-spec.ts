import type { AddressInfo } from 'node:net';
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { LOAN_INPUT, LOAN_ROW } from '../utils/demo-rows';
import { rawRequest, RawResponse } from '../utils/raw-http';
import { startV2App, V2TestApp } from './v2-support';

// The requests below are what the official clients put on the wire, header for header, as read
// off a socket: Triton's tritonclient.http (geventhttpclient) and KServe's InferenceRESTClient
// (httpx). The clients themselves are run against a live server by scripts/check-official-clients.sh.
const TRITON_UA = ['user-agent', 'python/gevent-http-client-2.0.8'] as [string, string];
const HTTPX = [
  ['accept', '*/*'],
  ['accept-encoding', 'gzip, deflate'],
  ['connection', 'keep-alive'],
  ['user-agent', 'python-httpx/0.23.3'],
] as [string, string][];

// 0.3 as its float32 reads back, so JSON and binary requests send the same tensor
const ROW = LOAN_INPUT.map((v) => Math.fround(v));
const jsonRequest = (data: unknown = ROW) =>
  Buffer.from(
    JSON.stringify({
      inputs: [{ name: 'input', shape: [1, 12], datatype: 'FP32', data }],
      outputs: [{ name: 'probabilities', parameters: { binary_data: false } }],
    }),
  );

/** tritonclient's binary request: the JSON header, then the FP32 row little-endian. */
function binaryRequest(binaryOutput: boolean): { body: Buffer; headerLength: number } {
  const header = Buffer.from(
    JSON.stringify({
      inputs: [{ name: 'input', shape: [1, 12], datatype: 'FP32', parameters: { binary_data_size: 48 } }],
      outputs: [{ name: 'probabilities', parameters: { binary_data: binaryOutput } }],
    }),
  );
  const tensor = Buffer.from(Float32Array.from(ROW).buffer);
  return { body: Buffer.concat([header, tensor]), headerLength: header.byteLength };
}

describe('v2 as the official clients speak it (e2e)', () => {
  let t: V2TestApp;
  let port: number;
  let expected: number[];

  const triton = (path: string, body: Buffer, extra: [string, string][] = []) =>
    rawRequest(
      port,
      'POST',
      path,
      [TRITON_UA, ...extra, ['host', `127.0.0.1:${port}`], ['content-length', String(body.byteLength)]],
      body,
    );
  const kserve = (method: string, path: string, body?: Buffer, extra: [string, string][] = []) =>
    rawRequest(
      port,
      method,
      path,
      [
        ['host', `127.0.0.1:${port}`],
        ...HTTPX,
        ...extra,
        ...(body ? ([['content-length', String(body.byteLength)]] as [string, string][]) : []),
      ],
      body,
    );
  const probabilities = (res: RawResponse, body = res.body): number[] => {
    expect(res.status).toBe(200);
    const json = JSON.parse(body.toString('utf8'));
    expect(json).toMatchObject({ model_name: 'loan-risk', model_version: '2' });
    expect(json.outputs[0]).toMatchObject({ name: 'probabilities', datatype: 'FP32', shape: [1, 2] });
    return json.outputs[0].data;
  };
  const expectError = (res: RawResponse, status: number, message: RegExp) => {
    expect(res.status).toBe(status);
    // exactly this: KServe's client shows the message only then
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ error: expect.stringMatching(message) });
  };

  beforeAll(async () => {
    t = await startV2App();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    const reference = await t.app.inject({
      method: 'POST',
      url: '/v2/models/loan-risk/infer',
      headers: { 'content-type': 'application/json' },
      payload: jsonRequest(),
    });
    expected = reference.json().outputs[0].data;
    expect(expected).toHaveLength(2);
  });
  afterAll(() => t.close());

  describe("Triton's tritonclient.http", () => {
    it('infers with JSON tensors sent without any Content-Type', async () => {
      const res = await triton('/v2/models/loan-risk/infer', jsonRequest());
      expect(probabilities(res)).toEqual(expected);
    });

    it('infers with binary tensors (Inference-Header-Content-Length, no Content-Type)', async () => {
      const { body, headerLength } = binaryRequest(false);
      const res = await triton('/v2/models/loan-risk/infer', body, [
        ['inference-header-content-length', String(headerLength)],
      ]);
      expect(probabilities(res)).toEqual(expected);
    });

    it.each([
      ['gzip', gzipSync, gunzipSync],
      ['deflate', deflateSync, inflateSync],
    ])(
      'sends %s bodies, and gets small answers as they are, large ones compressed',
      async (coding, compress, decompress) => {
        const small = await triton('/v2/models/loan-risk/infer', compress(jsonRequest()), [
          ['content-encoding', coding],
          ['accept-encoding', coding],
        ]);
        // ~230 bytes: under the compression threshold, which the client's Accept-Encoding allows
        expect(small.headers['content-encoding']).toBeUndefined();
        expect(probabilities(small)).toEqual(expected);
        const rows = 50;
        const batch = jsonRequest(Array.from({ length: rows }, () => ROW).flat());
        const body = JSON.parse(batch.toString());
        body.inputs[0].shape = [rows, 12];
        const large = await triton('/v2/models/loan-risk/infer', compress(JSON.stringify(body)), [
          ['content-encoding', coding],
          ['accept-encoding', coding],
        ]);
        expect(large.status).toBe(200);
        expect(large.headers['content-encoding']).toBe(coding);
        const json = JSON.parse(decompress(large.body).toString());
        expect(json.outputs[0].shape).toEqual([rows, 2]);
        expect(json.outputs[0].data.slice(-2)).toEqual(expected);
      },
    );

    it('compresses a large answer it asked for, binary outputs and header length included', async () => {
      const rows = 200;
      const header = Buffer.from(
        JSON.stringify({
          inputs: [
            {
              name: 'input',
              shape: [rows, 12],
              datatype: 'FP32',
              parameters: { binary_data_size: rows * 48 },
            },
          ],
          outputs: [{ name: 'probabilities', parameters: { binary_data: true } }],
        }),
      );
      const tensor = Buffer.from(Float32Array.from(Array.from({ length: rows }, () => ROW).flat()).buffer);
      const res = await triton('/v2/models/loan-risk/infer', gzipSync(Buffer.concat([header, tensor])), [
        ['content-encoding', 'gzip'],
        ['accept-encoding', 'gzip'],
        ['inference-header-content-length', String(header.byteLength)],
      ]);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      const plain = gunzipSync(res.body);
      // the header length counts the uncompressed JSON part, which the client reads after decompressing
      const length = Number(res.headers['inference-header-content-length']);
      const json = JSON.parse(plain.subarray(0, length).toString('utf8'));
      expect(json.outputs[0]).toMatchObject({ shape: [rows, 2], parameters: { binary_data_size: rows * 8 } });
      const values = new Float32Array(
        plain.buffer.slice(plain.byteOffset + length, plain.byteOffset + plain.byteLength),
      );
      expect(values).toHaveLength(rows * 2);
      expect(values[2 * rows - 2]).toBeCloseTo(expected[0], 6);
    });

    it('gets the real 404 and 400, not a 415, for a request without a Content-Type', async () => {
      expectError(await triton('/v2/models/nope/infer', jsonRequest()), 404, /No model named "nope"/);
      expectError(await triton('/v2/models/loan-risk/infer', jsonRequest([1, 2])), 400, /input "input"/);
      expectError(
        await triton('/v2/models/loan-risk/infer', Buffer.from('{"inputs":')),
        400,
        /not valid JSON/,
      );
    });

    it('reads server metadata at v2 and v2/, and the statistics extension', async () => {
      for (const path of ['/v2', '/v2/']) {
        const res = await rawRequest(port, 'GET', path, [TRITON_UA, ['host', `127.0.0.1:${port}`]]);
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body.toString()).extensions).toEqual(['binary_tensor_data', 'statistics']);
      }
      const stats = await rawRequest(port, 'GET', '/v2/models/loan-risk/versions/2/stats', [
        TRITON_UA,
        ['host', `127.0.0.1:${port}`],
      ]);
      expect(stats.status).toBe(200);
      const [entry] = JSON.parse(stats.body.toString()).model_stats;
      expect(entry).toMatchObject({ name: 'loan-risk', version: '2' });
      expect(entry.inference_count).toBeGreaterThanOrEqual(1);
      expect(entry.inference_stats.success.count).toBeGreaterThanOrEqual(1);
    });
  });

  describe("KServe's InferenceRESTClient", () => {
    it('infers with JSON (application/json) and binary (application/octet-stream) bodies', async () => {
      const json = await kserve('POST', '/v2/models/loan-risk/infer', jsonRequest(), [
        ['content-type', 'application/json'],
      ]);
      expect(probabilities(json)).toEqual(expected);
      const { body, headerLength } = binaryRequest(false);
      const binary = await kserve('POST', '/v2/models/loan-risk/versions/2/infer', body, [
        ['inference-header-content-length', String(headerLength)],
        ['content-type', 'application/octet-stream'],
      ]);
      expect(probabilities(binary)).toEqual(expected);
    });

    it('reads every error message, its Content-Type being exactly application/json', async () => {
      const type = [['content-type', 'application/json']] as [string, string][];
      expectError(await kserve('POST', '/v2/models/nope/infer', jsonRequest(), type), 404, /No model named/);
      expectError(
        await kserve('POST', '/v2/models/loan-risk/infer', Buffer.from('[1]'), type),
        400,
        /JSON object/,
      );
      expectError(await kserve('GET', '/v2/models/loan-risk/versions/9/ready'), 404, /no version "9"/);
      expectError(await kserve('GET', '/v2/nowhere'), 404, /no route GET \/v2\/nowhere/);
      const broken = await kserve('GET', '/v2/models/broken/ready');
      expect(broken.status).toBe(503);
      expect(broken.headers['content-type']).toBe('application/json');
      expect(JSON.parse(broken.body.toString())).toMatchObject({
        ready: false,
        error: expect.stringMatching(/not ready/),
      });
    });

    it('probes liveness and readiness as it parses them', async () => {
      expect(JSON.parse((await kserve('GET', '/v2/health/live')).body.toString())).toEqual({ live: true });
      expect(JSON.parse((await kserve('GET', '/v2/health/ready')).body.toString())).toMatchObject({
        ready: true,
      });
      const ready = await kserve('GET', '/v2/models/loan-risk/ready');
      expect(JSON.parse(ready.body.toString())).toEqual({ name: 'loan-risk', ready: true });
    });
  });

  describe('other clients and limits', () => {
    it.each([
      'application/octet-stream', // aiohttp, as tritonclient.http.aio sends it
      'application/x-www-form-urlencoded', // urllib and curl -d
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-8',
    ])('reads a JSON request labelled %s', async (type) => {
      const res = await triton('/v2/models/loan-risk/infer', jsonRequest(), [['content-type', type]]);
      expect(probabilities(res)).toEqual(expected);
    });

    it('still refuses a foreign content type and an unknown encoding with {"error"}', async () => {
      expectError(
        await triton('/v2/models/loan-risk/infer', jsonRequest(), [['content-type', 'text/plain']]),
        415,
        /unsupported content type/,
      );
      expectError(
        await triton('/v2/models/loan-risk/infer', jsonRequest(), [['content-encoding', 'br']]),
        415,
        /Content-Encoding "br" is not supported/,
      );
      expectError(
        await triton('/v2/models/loan-risk/infer', Buffer.from('not gzip'), [['content-encoding', 'gzip']]),
        400,
        /not valid gzip data/,
      );
    });

    it('answers a decompression bomb with 413 at V2_MAX_BODY_BYTES and keeps serving', async () => {
      // 80 MiB of spaces gzip to ~80 KiB: past the 64 MiB limit once inflated
      const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20));
      expect(bomb.byteLength).toBeLessThan(200 * 1024);
      expectError(
        await triton('/v2/models/loan-risk/infer', bomb, [['content-encoding', 'gzip']]),
        413,
        /V2_MAX_BODY_BYTES/,
      );
      expect(probabilities(await triton('/v2/models/loan-risk/infer', jsonRequest()))).toEqual(expected);
    });

    it('decompresses v1 bodies too, within the v1 body limit', async () => {
      const ok = await kserve(
        'POST',
        '/v1/models/loan-risk/predict',
        gzipSync(JSON.stringify({ features: LOAN_ROW })),
        [
          ['content-type', 'application/json'],
          ['content-encoding', 'gzip'],
        ],
      );
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body.toString()).prediction).toMatch(/repaid|default/);
      const big = await kserve(
        'POST',
        '/v1/models/loan-risk/predict',
        gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)),
        [
          ['content-type', 'application/json'],
          ['content-encoding', 'gzip'],
        ],
      );
      expect(big.status).toBe(413);
      expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
