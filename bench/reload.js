#!/usr/bin/env node
// Memory check for model reloads: create a model's session through Sightline's OrtSessionFactory,
// run it, release it, 100 times, and compare resident memory after warm-up with the end.
// onnxruntime-node keeps memory after a session is released when the CPU memory arena is on
// (microsoft/onnxruntime #25325, #26831); OrtSessionFactory turns the arena off. `--compare`
// repeats the cycles with the arena on, through onnxruntime-node directly, to show the difference.
//   node bench/reload.js [--cycles 100] [--model models/house-price/1] [--compare] [--no-build]
// (each mode runs in a child process started with --expose-gc, so RSS is read after a full GC)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { arg } = require('./lib/args');

const ROOT = path.resolve(__dirname, '..');
const cycles = Number(arg('cycles', '100'));
const modelDir = path.resolve(ROOT, arg('model', 'models/house-price/1'));
const mode = arg('mode', 'factory');

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

async function settle() {
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createSession() {
  const modelPath = path.join(modelDir, 'model.onnx');
  if (mode === 'factory') {
    const { OrtSessionFactory } = require(path.join(ROOT, 'dist/src/model-registry/onnx-session.js'));
    return new OrtSessionFactory().create(modelPath);
  }
  const ort = require('onnxruntime-node');
  const s = await ort.InferenceSession.create(modelPath, { enableCpuMemArena: true });
  return { inputs: s.inputMetadata, run: (f) => s.run(f), release: () => s.release() };
}

/** One cycle: load, 20 runs of a 256-row batch (so arenas grow), release. */
async function cycle() {
  const ort = require('onnxruntime-node');
  const session = await createSession();
  const input = session.inputs[0];
  const width = input.shape[1];
  const feeds = {
    [input.name]: new ort.Tensor('float32', new Float32Array(256 * width).fill(0.5), [256, width]),
  };
  for (let i = 0; i < 20; i++) await session.run(feeds);
  await session.release();
}

async function child() {
  const warmUp = Math.min(10, Math.floor(cycles / 5));
  for (let i = 0; i < warmUp; i++) await cycle();
  await settle();
  const afterWarmUp = rssMb();
  const samples = [];
  for (let i = warmUp; i < cycles; i++) {
    await cycle();
    if ((i + 1 - warmUp) % 5 === 0) {
      await settle();
      samples.push({ cycle: i + 1, rss: rssMb() });
    }
  }
  const end = samples.length > 0 ? samples[samples.length - 1].rss : afterWarmUp;
  process.stdout.write(JSON.stringify({ mode, cycles, warmUp, afterWarmUp, end, samples }) + '\n');
}

/** Least-squares slope of RSS over cycles: allocator noise goes up and down, a leak only up. */
function slope(samples) {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.cycle, 0) / n;
  const my = samples.reduce((a, s) => a + s.rss, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.cycle - mx) * (s.rss - my);
    den += (s.cycle - mx) ** 2;
  }
  return num / den;
}

function runChild(childMode) {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      __filename,
      '--child',
      '--mode',
      childMode,
      '--cycles',
      String(cycles),
      '--model',
      modelDir,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

function main() {
  if (arg('no-build') !== 'true') {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const modes = arg('compare') === 'true' ? ['factory', 'arena'] : ['factory'];
  let ok = true;
  process.stdout.write(`${cycles} load/run/release cycles of ${modelDir}\n`);
  const modelMb = fs.statSync(path.join(modelDir, 'model.onnx')).size / 2 ** 20;
  for (const m of modes) {
    const r = runChild(m);
    const perCycle = slope(r.samples);
    const trend = perCycle * (cycles - r.warmUp);
    // leaking a session's weights per cycle would add ~100 model sizes; allocator noise is a few MB either way
    const flat = trend < Math.max(16, 1.5 * modelMb);
    if (m === 'factory' && !flat) ok = false;
    const label = m === 'factory' ? 'OrtSessionFactory (arena off)' : 'onnxruntime-node, arena on';
    const rss = r.samples.map((x) => x.rss);
    process.stdout.write(
      `${label.padEnd(32)} RSS after ${r.warmUp} warm-up cycles ${r.afterWarmUp.toFixed(1)} MB, after ${cycles} ` +
        `${r.end.toFixed(1)} MB, max ${Math.max(...rss).toFixed(1)} MB; trend ${(perCycle * 1024).toFixed(0)} kB/cycle ` +
        `(${trend >= 0 ? '+' : ''}${trend.toFixed(1)} MB over the run) -> ${flat ? 'flat' : 'GROWING'}\n`,
    );
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv.includes('--child')) {
  child().catch((err) => {
    process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  });
} else {
  main();
}
