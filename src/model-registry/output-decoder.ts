import type { Tensor } from 'onnxruntime-node';
import { Manifest } from './manifest';
import { Fetches } from './onnx-session';

export interface DecodedPrediction {
  prediction: string | number;
  probabilities?: Record<string, number>;
}

type NumericData = Float32Array | Float64Array | BigInt64Array | Int32Array;

function numeric(t: Tensor | undefined, what: string): NumericData {
  if (!t) throw new Error(`the model did not return its ${what} output`);
  return t.data as NumericData;
}

/** Turns the model's output tensors into labels, probabilities or values, per row. */
export function decodeOutputs(manifest: Manifest, fetches: Fetches, rows: number): DecodedPrediction[] {
  const out: DecodedPrediction[] = new Array(rows);
  if (manifest.task === 'regression') {
    const values = numeric(fetches[manifest.outputs.value!], 'value');
    const stride = values.length / rows;
    for (let r = 0; r < rows; r++) out[r] = { prediction: Number(values[r * stride]) };
    return out;
  }
  const labels = manifest.labels;
  const k = labels.length;
  const probs = manifest.outputs.probabilities
    ? numeric(fetches[manifest.outputs.probabilities], 'probabilities')
    : manifest.outputs.logits
      ? softmax(numeric(fetches[manifest.outputs.logits], 'logits'), k)
      : undefined;
  const index = manifest.outputs.label ? numeric(fetches[manifest.outputs.label], 'label') : undefined;
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let probabilities: Record<string, number> | undefined;
    if (probs) {
      probabilities = {};
      for (let c = 0; c < k; c++) {
        const p = Number(probs[r * k + c]);
        probabilities[labels[c]] = p;
        if (p > Number(probs[r * k + best])) best = c;
      }
    }
    if (index) best = Number(index[r]);
    const label = labels[best];
    if (label === undefined) throw new Error(`the model returned class index ${best} for ${k} labels`);
    out[r] = probabilities ? { prediction: label, probabilities } : { prediction: label };
  }
  return out;
}

/** Row-wise softmax of [rows, k] scores, shifted by the row maximum so that exp() cannot overflow. */
function softmax(logits: NumericData, k: number): Float64Array {
  const out = new Float64Array(logits.length);
  for (let at = 0; at < logits.length; at += k) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, Number(logits[at + c]));
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[at + c] = Math.exp(Number(logits[at + c]) - max);
    for (let c = 0; c < k; c++) out[at + c] /= sum;
  }
  return out;
}
