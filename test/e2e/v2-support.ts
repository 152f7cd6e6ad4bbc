import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MODELS, REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';

export const V2_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'v2-models');

export interface V2TestApp extends TestApp {
  modelsDir: string;
}

/**
 * Boots the app on a MODELS_DIR holding the demo models (manifest, served on v1 and v2), the bare
 * v2 fixtures (graph only, v2 only) and `broken`, whose model.onnx is not an ONNX file (for 503s).
 */
export async function startV2App(env: Record<string, string> = {}): Promise<V2TestApp> {
  const modelsDir = mkdtempSync(join(tmpdir(), 'sightline-v2-'));
  for (const root of [DEMO_MODELS, V2_FIXTURES]) {
    for (const name of readdirSync(root)) symlinkSync(join(root, name), join(modelsDir, name));
  }
  mkdirSync(join(modelsDir, 'broken', '1'), { recursive: true });
  writeFileSync(join(modelsDir, 'broken', '1', 'model.onnx'), 'not an onnx graph');
  const t = await startTestApp({ MODELS_DIR: modelsDir, ...env });
  return {
    ...t,
    modelsDir,
    close: async () => {
      await t.close();
      rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type AnyJson = any;

export interface V2Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
  json(): AnyJson;
}

/**
 * A request to the v2 API through Fastify's inject (no socket). Bodies go as JSON unless the
 * headers say otherwise; a header set to '' is left out (a request with no content type).
 */
export async function v2(
  t: TestApp,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<V2Response> {
  const res = await t.app.inject({
    method,
    url,
    payload:
      payload === undefined
        ? undefined
        : typeof payload === 'string' || Buffer.isBuffer(payload)
          ? payload
          : JSON.stringify(payload),
    headers: Object.fromEntries(
      Object.entries(
        payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ).filter(([, value]) => value !== ''),
    ),
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json: () => res.json() };
}

/** Body of the binary tensor extension: the JSON header followed by each tensor's bytes. */
export function binaryBody(header: unknown, tensors: Buffer[]): { body: Buffer; headerLength: number } {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  return { body: Buffer.concat([json, ...tensors]), headerLength: json.byteLength };
}

/** The JSON header and the binary outputs of a binary-extension response, by output name. */
export function splitBinaryResponse(res: V2Response): { header: AnyJson; tensors: Record<string, Buffer> } {
  const length = Number(res.headers['inference-header-content-length']);
  const header = JSON.parse(res.body.subarray(0, length).toString('utf8'));
  const tensors: Record<string, Buffer> = {};
  let offset = length;
  for (const o of header.outputs as { name: string; parameters?: { binary_data_size?: number } }[]) {
    const size = o.parameters?.binary_data_size;
    if (size === undefined) continue;
    tensors[o.name] = res.body.subarray(offset, offset + size);
    offset += size;
  }
  if (offset !== res.body.byteLength)
    throw new Error(`${res.body.byteLength - offset} unclaimed response bytes`);
  return { header, tensors };
}
