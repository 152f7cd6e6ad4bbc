#!/usr/bin/env node
// Replays each demo model's samples.json through onnxruntime-node and compares with the scikit-learn
// outputs recorded by scripts/train_demo.py, so a bad weight fold or a column-order slip is caught
// before the server ever loads the model.
//
//   node scripts/check-demo-models.js [modelsDir]    (default: ./models)
//
// Exits 1 if any version fails to load or disagrees with sklearn beyond TOLERANCE.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ort = require('onnxruntime-node');

// Probabilities: absolute. Regression values: relative, since float32 keeps ~7 significant digits
// and a $300k price cannot match float64 sklearn to 1e-4 dollars.
const TOLERANCE = 1e-4;

const modelsDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'models'));

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const subdirs = (dir) =>
  fs
    .readdirSync(dir)
    .filter((d) => SAFE_NAME.test(d) && fs.statSync(path.join(dir, d)).isDirectory())
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));

/**
 * The same encoding as src/model-registry/feature-encoder.ts (defaults, clipping, all-zero unseen),
 * kept independent so this check does not trust the code it is meant to back up.
 */
function encode(manifest, rows) {
  const byName = new Map(manifest.features.map((f) => [f.name, f]));
  return manifest.inputs.map((input) => {
    const specs = input.features.map((name) => byName.get(name));
    if (specs.every((f) => f.type === 'text')) {
      const texts = rows.flatMap((row) => specs.map((f) => row[f.name] ?? ''));
      return { name: input.name, tensor: new ort.Tensor('string', texts, [rows.length, specs.length]) };
    }
    const width = specs.reduce((w, f) => w + (f.type === 'numeric' ? 1 : f.categories.length), 0);
    const data = new Float32Array(rows.length * width);
    rows.forEach((row, r) => {
      let at = r * width;
      for (const f of specs) {
        const raw = row[f.name];
        if (f.type === 'numeric') {
          let v = raw ?? f.default;
          if (typeof v !== 'number') throw new Error(`row ${r}: ${f.name} is missing and has no default`);
          if (f.outOfRange === 'clip') v = Math.min(Math.max(v, f.min ?? -Infinity), f.max ?? Infinity);
          data[at++] = v;
        } else {
          const index = f.categories.indexOf(raw);
          if (index < 0 && f.unseen !== 'ignore' && raw !== undefined) {
            throw new Error(`row ${r}: ${f.name}="${raw}" is not a known category`);
          }
          if (index >= 0) data[at + index] = 1;
          at += f.categories.length;
        }
      }
    });
    return { name: input.name, tensor: new ort.Tensor('float32', data, [rows.length, width]) };
  });
}

/**
 * A tokenizer model is fed the ids the training script computed (samples[].input_ids), padded to
 * the longest with 0 and masked: the graph is checked apart from any tokenizer library.
 */
function encodeIds(samples) {
  const width = Math.max(...samples.map((s) => s.input_ids.length));
  const ids = new BigInt64Array(samples.length * width);
  const mask = new BigInt64Array(samples.length * width);
  samples.forEach((s, r) =>
    s.input_ids.forEach((id, j) => {
      ids[r * width + j] = BigInt(id);
      mask[r * width + j] = 1n;
    }),
  );
  const dims = [samples.length, width];
  return [
    { name: 'input_ids', tensor: new ort.Tensor('int64', ids, dims) },
    { name: 'attention_mask', tensor: new ort.Tensor('int64', mask, dims) },
    { name: 'token_type_ids', tensor: new ort.Tensor('int64', new BigInt64Array(ids.length), dims) },
  ];
}

/** Probabilities of a classifier: its probabilities output, or the softmax of its logits. */
function probabilitiesOf(manifest, fetches, k) {
  if (manifest.outputs.probabilities) return fetches[manifest.outputs.probabilities].data;
  const logits = fetches[manifest.outputs.logits].data;
  const out = new Float64Array(logits.length);
  for (let at = 0; at < logits.length; at += k) {
    const row = Array.from(logits.subarray(at, at + k));
    const max = Math.max(...row);
    const exp = row.map((v) => Math.exp(v - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    exp.forEach((e, c) => (out[at + c] = e / sum));
  }
  return out;
}

function labelOf(manifest, fetches, probs, i, k) {
  if (manifest.outputs.label) return manifest.labels[Number(fetches[manifest.outputs.label].data[i])];
  let best = 0;
  for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + best]) best = c;
  return manifest.labels[best];
}

function compare(manifest, samples, fetches, offset = 0) {
  const problems = [];
  let maxError = 0;
  samples.forEach((sample, i) => {
    const r = i + offset;
    if (manifest.task === 'classification') {
      const k = manifest.labels.length;
      const probs = probabilitiesOf(manifest, fetches, k);
      sample.probabilities.forEach((expected, c) => {
        const err = Math.abs(probs[i * k + c] - expected);
        maxError = Math.max(maxError, err);
        if (!(err <= TOLERANCE))
          problems.push(`sample ${r}: p[${c}] ${probs[i * k + c]} vs sklearn ${expected}`);
      });
      const label = labelOf(manifest, fetches, probs, i, k);
      if (label !== sample.label) problems.push(`sample ${r}: label ${label} vs sklearn ${sample.label}`);
    } else {
      const values = fetches[manifest.outputs.value].data;
      const stride = values.length / samples.length;
      const got = values[i * stride];
      const err = Math.abs(got - sample.value) / Math.max(1, Math.abs(sample.value));
      maxError = Math.max(maxError, err);
      if (!(err <= TOLERANCE)) problems.push(`sample ${r}: value ${got} vs sklearn ${sample.value}`);
    }
  });
  return { problems, maxError };
}

/** A tokenizer manifest may be just {"tokenizer": ...}: the rest comes from config.json. */
function readManifest(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if (!manifest.tokenizer) return manifest;
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  const labels = Object.entries(config.id2label)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, label]) => label);
  return {
    task: 'classification',
    features: [{ name: 'text', type: 'text' }],
    labels,
    outputs: { logits: 'logits' },
    ...manifest,
    inputs: [{ name: 'input_ids' }, { name: 'attention_mask' }, { name: 'token_type_ids' }],
  };
}

async function checkVersion(dir) {
  const manifest = readManifest(dir);
  const samples = JSON.parse(fs.readFileSync(path.join(dir, 'samples.json'), 'utf8'));
  const session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'));
  const problems = [];

  const mapped = manifest.inputs.map((i) => i.name).sort();
  if (JSON.stringify(mapped) !== JSON.stringify([...session.inputNames].sort())) {
    problems.push(`graph inputs [${session.inputNames}] != manifest inputs [${mapped}]`);
  }
  for (const out of Object.values(manifest.outputs)) {
    if (!session.outputNames.includes(out))
      problems.push(`output "${out}" not in graph [${session.outputNames}]`);
  }

  const header = fs.readFileSync(path.join(dir, 'reference.csv'), 'utf8').split('\n', 1)[0];
  const expectedHeader = [...manifest.features.map((f) => f.name), '__target__', '__prediction__'].join(',');
  if (header !== expectedHeader)
    problems.push(`reference.csv header "${header}", expected "${expectedHeader}"`);

  if (problems.length > 0) return { problems, maxError: NaN, task: manifest.task };

  // All samples as one batch, then one row alone: the batch dimension must really be dynamic.
  const feeds = (some) =>
    Object.fromEntries(
      (manifest.tokenizer
        ? encodeIds(some)
        : encode(
            manifest,
            some.map((s) => s.features),
          )
      ).map((t) => [t.name, t.tensor]),
    );
  const batch = compare(manifest, samples, await session.run(feeds(samples)));
  const single = compare(
    manifest,
    samples.slice(-1),
    await session.run(feeds(samples.slice(-1))),
    samples.length - 1,
  );
  await session.release();
  return {
    problems: [...batch.problems, ...single.problems],
    maxError: Math.max(batch.maxError, single.maxError),
    rows: samples.length,
    task: manifest.task,
  };
}

async function main() {
  let failed = 0;
  let checked = 0;
  for (const name of subdirs(modelsDir)) {
    const modelDir = path.join(modelsDir, name);
    const versions = subdirs(modelDir);
    const modelJson = path.join(modelDir, 'model.json');
    if (fs.existsSync(modelJson)) {
      const { defaultVersion } = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
      if (defaultVersion !== undefined && !versions.includes(String(defaultVersion))) {
        console.log(`FAIL ${name}: model.json defaultVersion "${defaultVersion}" has no directory`);
        failed++;
      }
    }
    for (const version of versions) {
      const dir = path.join(modelDir, version);
      if (!fs.existsSync(path.join(dir, 'samples.json'))) continue;
      checked++;
      try {
        const { problems, maxError, rows, task } = await checkVersion(dir);
        if (problems.length === 0) {
          const what = task === 'regression' ? 'relative error' : 'abs prob error';
          console.log(`ok   ${name}/${version}: ${rows} samples, max ${what} ${maxError.toExponential(2)}`);
        } else {
          failed++;
          console.log(`FAIL ${name}/${version}:`);
          for (const p of problems.slice(0, 10)) console.log(`     ${p}`);
          if (problems.length > 10) console.log(`     ... and ${problems.length - 10} more`);
        }
      } catch (err) {
        failed++;
        console.log(`FAIL ${name}/${version}: ${err.message}`);
      }
    }
  }
  if (checked === 0) {
    console.log(`no model versions with samples.json under ${modelsDir}`);
    process.exit(1);
  }
  console.log(failed === 0 ? `all ${checked} versions match sklearn` : `${failed} problem(s)`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
