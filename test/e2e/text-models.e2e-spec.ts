import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoSample } from '../utils/demo-model';
import { binaryBody, v2 } from './v2-support';
import { queryDb } from '../utils/test-database';
import { DEMO_MODELS, startTestApp, TestApp } from '../utils/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type AnyJson = any;

const samples = (name: string): DemoSample[] =>
  JSON.parse(readFileSync(join(DEMO_MODELS, name, '1', 'samples.json'), 'utf8'));

/** Rows of a counter or histogram family with all the given labels, summed. */
function metric(text: string, name: string, labels: Record<string, string>): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
      total += Number(line.split(' ').at(-1));
  }
  return total;
}

describe('text models (e2e)', () => {
  let t: TestApp;
  let modelsDir: string;

  beforeAll(async () => {
    // the demo models, and a copy of sentiment that truncates long texts instead of refusing them
    modelsDir = mkdtempSync(join(tmpdir(), 'sightline-text-'));
    for (const name of ['sentiment', 'sentiment-bert', 'loan-risk'])
      symlinkSync(join(DEMO_MODELS, name), join(modelsDir, name));
    cpSync(join(DEMO_MODELS, 'sentiment'), join(modelsDir, 'sentiment-short'), { recursive: true });
    const manifestPath = join(modelsDir, 'sentiment-short', '1', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.features[0] = { ...manifest.features[0], maxLength: 30, overLength: 'truncate' };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    t = await startTestApp({
      MODELS_DIR: modelsDir,
      DEFAULT_MODEL: 'sentiment',
      DRIFT_SCHEDULE_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  const post = async (url: string, payload: unknown): Promise<{ status: number; body: AnyJson }> => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const logged = async (id: string): Promise<AnyJson> => {
    await t.flushLogs();
    const rows = await queryDb(t.databaseUrl, 'SELECT * FROM prediction_log WHERE id = $1', [id]);
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it('answers {"text": ...} with the label, probabilities and a prediction id whose row is logged', async () => {
    const res = await post('/v1/models/sentiment/predict', { text: 'This is a fantastic product!' });
    expect(res.status).toBe(200);
    const expected = samples('sentiment').find((s) => s.features.text === 'This is a fantastic product!')!;
    expect(res.body).toMatchObject({ prediction: 'positive', model: { name: 'sentiment', version: '1' } });
    expect(res.body.probabilities.positive).toBeCloseTo(expected.probabilities![1], 5);
    expect(res.body.probabilities.negative + res.body.probabilities.positive).toBeCloseTo(1, 6);
    expect(res.body.truncated).toBeUndefined();
    const row = await logged(res.body.prediction_id);
    expect(row).toMatchObject({
      status: 'success',
      predicted_label: 'positive',
      inputs: { text: 'This is a fantastic product!' },
    });
    // POST /predict serves the default model with the same shapes
    const dflt = await post('/predict', { text: 'This is a fantastic product!' });
    expect(dflt.body.probabilities).toEqual(res.body.probabilities);
  });

  it('masks e-mails, phones and cards in the logged text, and never stores the raw text', async () => {
    const text =
      'Great battery! Mail jane.doe@example.com or call +44 20 7946 0958, card 4111 1111 1111 1111';
    const res = await post('/v1/models/sentiment/predict', { text, metadata: { order: 'A-17' } });
    expect(res.status).toBe(200);
    const row = await logged(res.body.prediction_id);
    expect(row.inputs).toEqual({ text: 'Great battery! Mail [email] or call [phone], card [card]' });
    const raw = await queryDb(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM prediction_log WHERE inputs::text LIKE '%jane.doe%' OR inputs::text LIKE '%4111%'`,
    );
    expect(raw[0].n).toBe(0);
    const read = await t.app.inject({ method: 'GET', url: `/v1/predictions/${res.body.prediction_id}` });
    expect(read.json().inputs).toEqual(row.inputs);
  });

  it('takes {"texts": [...]}, {"features": {"text": ...}} and instances, bare strings included', async () => {
    const cases = samples('sentiment').slice(0, 5);
    const texts = cases.map((s) => s.features.text);
    const batch = await post('/v1/models/sentiment/predict', { texts });
    expect(batch.status).toBe(200);
    expect(batch.body.predictions).toHaveLength(5);
    batch.body.predictions.forEach((p: AnyJson, i: number) => {
      expect(p.prediction).toBe(cases[i].label);
      expect(p.probabilities.positive).toBeCloseTo(cases[i].probabilities![1], 5);
    });
    expect(new Set(batch.body.predictions.map((p: AnyJson) => p.prediction_id)).size).toBe(5);
    const features = await post('/v1/models/sentiment/predict', { features: { text: texts[0] } });
    expect(features.body.probabilities).toEqual(batch.body.predictions[0].probabilities);
    const instances = await post('/v1/models/sentiment/predict', {
      instances: [texts[0], { text: texts[1] }],
    });
    expect(instances.body.predictions.map((p: AnyJson) => p.probabilities)).toEqual(
      batch.body.predictions.slice(0, 2).map((p: AnyJson) => p.probabilities),
    );
  });

  it('serves the Hugging Face directory from its minimal manifest: labels from config.json, ids from tokenizer.json', async () => {
    const card = (await t.app.inject({ method: 'GET', url: '/v1/models/sentiment-bert' })).json();
    expect(card).toMatchObject({
      status: 'ready',
      task: 'classification',
      labels: ['negative', 'positive'],
      features: [{ name: 'text', type: 'text', required: true, max_length: 2000, over_length: 'reject' }],
    });
    expect(card.versions[0].max_tokens).toBe(64);
    expect(card.versions[0].inputs.map((i: AnyJson) => i.name)).toEqual([
      'input_ids',
      'attention_mask',
      'token_type_ids',
    ]);
  });

  it('batches concurrent Hugging Face requests, padded to the longest, with each answer its own', async () => {
    const cases = samples('sentiment-bert');
    const before = await t.app.inject({ method: 'GET', url: '/metrics' });
    const series = { model: 'sentiment-bert', version: '1' };
    const runsBefore = metric(before.body, 'sightline_batch_size_count', series);
    const answers = await Promise.all(
      cases.map((s) => post('/v1/models/sentiment-bert/predict', { text: s.features.text })),
    );
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body.prediction).toBe(cases[i].label);
      expect(res.body.probabilities.positive).toBeCloseTo(cases[i].probabilities![1], 4);
    });
    const after = await t.app.inject({ method: 'GET', url: '/metrics' });
    const runs = metric(after.body, 'sightline_batch_size_count', series) - runsBefore;
    expect(
      metric(after.body, 'sightline_batch_size_sum', series) -
        metric(before.body, 'sightline_batch_size_sum', series),
    ).toBe(cases.length);
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBeLessThan(cases.length);
    // the one sample longer than 64 tokens says it was cut
    const long = answers.find((a) => a.body.truncated)!;
    expect(long.body.truncated).toEqual([{ field: 'text', unit: 'tokens', from: 98, to: 64 }]);
  });

  it('truncates an over-long text when the manifest says so, and says it in the response', async () => {
    const text = 'The battery is great and the screen is lovely';
    const res = await post('/v1/models/sentiment-short/predict', { texts: ['fine', text] });
    expect(res.status).toBe(200);
    expect(res.body.predictions[0].truncated).toBeUndefined();
    expect(res.body.predictions[1].truncated).toEqual([
      { field: 'texts[1]', unit: 'characters', from: 45, to: 30 },
    ]);
    const row = await logged(res.body.predictions[1].prediction_id);
    expect(row.inputs).toEqual({ text });
  });

  it.each([
    [
      'an over-long text',
      { text: 'x'.repeat(2001) },
      [{ field: 'text', message: 'must be at most 2000 characters, got 2001' }],
    ],
    ['a number for text', { text: 5 }, [{ field: 'text', message: 'text must be a string' }]],
    [
      'a number among texts',
      { texts: ['fine', 5] },
      [{ field: 'texts[1]', message: 'must be a string, got number' }],
    ],
    [
      'an object for features.text',
      { features: { text: { a: 1 } } },
      [{ field: 'features.text', message: 'must be a string, got object' }],
    ],
    ['a missing text', { features: {} }, [{ field: 'features.text', message: 'is required' }]],
    [
      'an empty body',
      {},
      [
        {
          field: 'features',
          message: 'features must be an object keyed by feature name or an array of values',
        },
      ],
    ],
    ['no texts', { texts: [] }, [{ field: 'texts', message: 'texts must contain at least one text' }]],
    [
      'a lone surrogate',
      '{"text": "bad \\ud800 text"}',
      [{ field: 'text', message: 'is not valid UTF-16: a lone surrogate at index 4' }],
    ],
    [
      'a NUL character',
      '{"text": "a\\u0000b"}',
      [{ field: 'text', message: 'must not contain a NUL character' }],
    ],
    [
      'two shapes',
      { text: 'a', texts: ['b'] },
      [{ field: 'texts', message: 'send one of features, instances, text or texts, not text and texts' }],
    ],
  ])('answers %s with 422 naming the field', async (_name, payload, errors) => {
    const res = await post('/v1/models/sentiment/predict', payload);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(errors);
  });

  it('refuses a text for a model without a single text feature, and logs refused texts sanitized', async () => {
    const loan = await post('/v1/models/loan-risk/predict', { text: 'hello' });
    expect(loan.status).toBe(422);
    expect(loan.body.errors).toEqual([
      { field: 'text', message: 'this model does not take a single text: send features' },
    ]);
    const secret = `reach me at bob@example.org ${'too long '.repeat(250)}`;
    expect((await post('/v1/models/sentiment/predict', { text: secret })).status).toBe(422);
    await t.flushLogs();
    const rows = await queryDb(
      t.databaseUrl,
      `SELECT inputs FROM prediction_log WHERE model_name = 'sentiment' AND error_class = 'validation_failed' AND inputs::text LIKE '%too long%'`,
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].inputs)).not.toContain('bob@example.org');
  });

  describe('Open Inference Protocol v2', () => {
    const texts = ['This is a fantastic product!', 'Terrible service, the charger arrived broken.'];
    const expected = samples('sentiment').filter((s) => texts.includes(s.features.text as string));

    it('describes the string input as BYTES', async () => {
      const res = await v2(t, 'GET', '/v2/models/sentiment');
      expect(res.json().inputs).toEqual([{ name: 'text', datatype: 'BYTES', shape: [-1, 1] }]);
    });

    it('infers on BYTES tensors in JSON and in the binary extension', async () => {
      const json = await v2(t, 'POST', '/v2/models/sentiment/infer', {
        inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 1], data: texts }],
        outputs: [{ name: 'probabilities' }],
      });
      expect(json.status).toBe(200);
      const probabilities = json.json().outputs[0];
      expect(probabilities).toMatchObject({ name: 'probabilities', datatype: 'FP32', shape: [2, 2] });
      expected.forEach((s, i) => expect(probabilities.data[i * 2 + 1]).toBeCloseTo(s.probabilities![1], 5));

      const elements = texts.map((text) => {
        const bytes = Buffer.from(text, 'utf8');
        const length = Buffer.alloc(4);
        length.writeUInt32LE(bytes.length);
        return Buffer.concat([length, bytes]);
      });
      const tensor = Buffer.concat(elements);
      const header = {
        inputs: [
          { name: 'text', datatype: 'BYTES', shape: [2, 1], parameters: { binary_data_size: tensor.length } },
        ],
        outputs: [{ name: 'label', parameters: { binary_data: false } }],
      };
      const { body, headerLength } = binaryBody(header, [tensor]);
      const binary = await v2(t, 'POST', '/v2/models/sentiment/infer', body, {
        'content-type': 'application/octet-stream',
        'inference-header-content-length': String(headerLength),
      });
      expect(binary.status).toBe(200);
      // every output asked for as JSON: the answer is a plain JSON body
      expect(binary.json().outputs[0]).toMatchObject({ name: 'label', datatype: 'INT64', data: [1, 0] });
    });
  });
});
