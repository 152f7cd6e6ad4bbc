// Request bodies for the bench: real rows of the demo model's reference sample, so validation,
// encoding and the model see the data they were built for.
const fs = require('node:fs');
const path = require('node:path');

function referenceRows(modelDir, count) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'manifest.json'), 'utf8'));
  const numeric = new Set(manifest.features.filter((f) => f.type === 'numeric').map((f) => f.name));
  const names = new Set(manifest.features.map((f) => f.name));
  const [header, ...lines] = fs.readFileSync(path.join(modelDir, 'reference.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.slice(0, count).map((line) => {
    const row = {};
    line.split(',').forEach((v, i) => {
      if (!names.has(cols[i]) || v === '') return;
      row[cols[i]] = numeric.has(cols[i]) ? Number(v) : v;
    });
    return row;
  });
}

/** `count` different single-row bodies. */
function singleBodies(modelDir, count = 64) {
  return referenceRows(modelDir, count).map((row) => JSON.stringify({ features: row }));
}

/** `count` different batch bodies of `rows` rows each. */
function batchBodies(modelDir, rows, count = 8) {
  const all = referenceRows(modelDir, rows * count);
  const bodies = [];
  for (let i = 0; i < count; i++)
    bodies.push(JSON.stringify({ instances: all.slice(i * rows, (i + 1) * rows) }));
  return bodies;
}

module.exports = { singleBodies, batchBodies };
