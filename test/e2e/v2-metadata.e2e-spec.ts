import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';
import { startV2App, v2, V2Response, V2TestApp } from './v2-support';

// Written from the Open Inference Protocol REST specification (kserve/open-inference-protocol,
// specification/protocol/inference_rest.md): health, server metadata, model metadata, model ready.

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

/** The protocol's error object: exactly one string `error`, as JSON (not problem+json). */
function expectProtocolError(res: V2Response, status: number, message: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatch(message);
}

describe('Open Inference Protocol: health and metadata (e2e)', () => {
  let t: V2TestApp;

  beforeAll(async () => {
    t = await startV2App();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /v2 is the server metadata: name, version from package.json, the binary extension', async () => {
    const res = await v2(t, 'GET', '/v2');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      name: 'sightline',
      version,
      extensions: ['binary_tensor_data', 'statistics'],
    });
  });

  it('GET /v2/health/live and /v2/health/ready answer 200 once models are loaded', async () => {
    const live = await v2(t, 'GET', '/v2/health/live');
    expect([live.status, live.json()]).toEqual([200, { live: true }]);
    const ready = await v2(t, 'GET', '/v2/health/ready');
    // a broken model does not take the server out of rotation while others can serve
    expect([ready.status, ready.json()]).toEqual([200, { ready: true, live: true }]);
  });

  it('describes a bare model.onnx from its graph: datatypes, -1 for dynamic dimensions, [] for a scalar', async () => {
    const expected = {
      name: 'stateful-scorer',
      versions: ['1'],
      platform: 'onnxruntime_onnx',
      inputs: [
        { name: 'tokens', datatype: 'INT64', shape: [-1, -1] },
        { name: 'step', datatype: 'INT64', shape: [] },
        { name: 'state', datatype: 'FP32', shape: [-1, -1] },
      ],
      outputs: [
        { name: 'new_state', datatype: 'FP32', shape: [-1, -1] },
        { name: 'token_sum', datatype: 'INT64', shape: [-1] },
        { name: 'next_step', datatype: 'INT64', shape: [] },
        { name: 'score', datatype: 'FP32', shape: [-1] },
      ],
    };
    for (const url of ['/v2/models/stateful-scorer', '/v2/models/stateful-scorer/versions/1']) {
      const res = await v2(t, 'GET', url);
      expect([res.status, res.json()]).toEqual([200, expected]);
    }
  });

  it('lists every datatype the server supports in the dtype-zoo metadata, and fixed dimensions as they are', async () => {
    const zoo = (await v2(t, 'GET', '/v2/models/dtype-zoo')).json();
    expect(zoo.inputs.map((i: { datatype: string }) => i.datatype)).toEqual([
      'BOOL',
      'UINT8',
      'UINT16',
      'UINT32',
      'UINT64',
      'INT8',
      'INT16',
      'INT32',
      'INT64',
      'FP16',
      'FP32',
      'FP64',
      'BYTES',
    ]);
    expect(zoo.inputs.every((i: { shape: number[] }) => i.shape.length === 1 && i.shape[0] === -1)).toBe(
      true,
    );
    const fixed = (await v2(t, 'GET', '/v2/models/fixed-batch')).json();
    expect(fixed.inputs).toEqual([{ name: 'x', datatype: 'FP32', shape: [2, 3] }]);
    expect(fixed.outputs).toEqual([
      { name: 'y', datatype: 'FP32', shape: [2, 3] },
      { name: 'row_max', datatype: 'FP32', shape: [2] },
    ]);
  });

  it('serves models with a manifest on v2 too, every version addressable', async () => {
    const latest = await v2(t, 'GET', '/v2/models/loan-risk');
    expect(latest.status).toBe(200);
    expect(latest.json()).toMatchObject({
      name: 'loan-risk',
      versions: ['1', '2'],
      platform: 'onnxruntime_onnx',
    });
    expect(latest.json().inputs).toEqual([{ name: 'input', datatype: 'FP32', shape: [-1, 12] }]);
    expect(latest.json().outputs).toEqual([
      { name: 'probabilities', datatype: 'FP32', shape: [-1, 2] },
      { name: 'label', datatype: 'INT64', shape: [-1] },
    ]);
    const v1 = await v2(t, 'GET', '/v2/models/loan-risk/versions/1');
    expect(v1.status).toBe(200);
    expect(v1.json().name).toBe('loan-risk');
  });

  it('serves a bare model on v2 only: v1 refuses to predict with it', async () => {
    const res = await v2(t, 'POST', '/v1/models/stateful-scorer/predict', { features: [1] });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().title).toBe('Model not ready');
  });

  it('GET .../ready is 200 {name, ready: true} for a loaded version, 503 with ready: false otherwise', async () => {
    for (const url of ['/v2/models/stateful-scorer/ready', '/v2/models/stateful-scorer/versions/1/ready']) {
      const res = await v2(t, 'GET', url);
      expect([res.status, res.json()]).toEqual([200, { name: 'stateful-scorer', ready: true }]);
    }
    expect((await v2(t, 'GET', '/v2/models/loan-risk/versions/1/ready')).json()).toEqual({
      name: 'loan-risk',
      ready: true,
    });
    for (const url of ['/v2/models/broken/ready', '/v2/models/broken/versions/1/ready']) {
      const res = await v2(t, 'GET', url);
      expect(res.status).toBe(503);
      expect(res.json()).toMatchObject({ name: 'broken', ready: false });
      expect(res.json().error).toMatch(/^version 1 is not ready: /);
    }
  });

  it('answers 404 {"error"} for an unknown model or version on every model endpoint', async () => {
    const infer = { inputs: [] };
    for (const [method, url] of [
      ['GET', '/v2/models/nope'],
      ['GET', '/v2/models/nope/ready'],
      ['GET', '/v2/models/nope/versions/1'],
      ['POST', '/v2/models/nope/infer'],
      ['POST', '/v2/models/nope/versions/1/infer'],
    ] as const) {
      expectProtocolError(
        await v2(t, method, url, method === 'POST' ? infer : undefined),
        404,
        /^No model named "nope"$/,
      );
    }
    for (const [method, url] of [
      ['GET', '/v2/models/loan-risk/versions/9'],
      ['GET', '/v2/models/loan-risk/versions/9/ready'],
      ['POST', '/v2/models/loan-risk/versions/9/infer'],
    ] as const) {
      expectProtocolError(
        await v2(t, method, url, method === 'POST' ? infer : undefined),
        404,
        /^Model "loan-risk" has no version "9"$/,
      );
    }
  });

  it('answers 503 {"error"} for metadata and inference of a version that did not load', async () => {
    for (const [method, url] of [
      ['GET', '/v2/models/broken'],
      ['GET', '/v2/models/broken/versions/1'],
      ['POST', '/v2/models/broken/infer'],
      ['POST', '/v2/models/broken/versions/1/infer'],
    ] as const) {
      const res = await v2(t, method, url, method === 'POST' ? { inputs: [] } : undefined);
      expectProtocolError(res, 503, /^Model "broken" version "1" is not ready: /);
    }
  });
});

describe('Open Inference Protocol: server not ready (e2e)', () => {
  let t: TestApp;
  let modelsDir: string;

  beforeAll(async () => {
    modelsDir = mkdtempSync(join(tmpdir(), 'sightline-v2-broken-'));
    mkdirSync(join(modelsDir, 'broken', '1'), { recursive: true });
    writeFileSync(join(modelsDir, 'broken', '1', 'model.onnx'), 'not an onnx graph');
    t = await startTestApp({ MODELS_DIR: modelsDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  it('is live but answers 503 on /v2/health/ready when no version can serve', async () => {
    expect((await v2(t, 'GET', '/v2/health/live')).status).toBe(200);
    const ready = await v2(t, 'GET', '/v2/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({ ready: false, live: true, error: 'no model version is ready' });
  });
});
