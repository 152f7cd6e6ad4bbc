import { Manifest } from '../../model-registry/manifest';
import { TensorInfo } from '../../model-registry/onnx-session';

export interface BatchLimits {
  /** Most rows in one session run; 1 turns batching off for the model. */
  maxBatchSize: number;
  /**
   * Under load, how long the first request of a batch may wait for company; a request that finds
   * the queue idle, or any request when this is 0, waits only for the end of the event-loop turn.
   */
  maxDelayMs: number;
}

const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * A graph whose inputs or outputs have a fixed first dimension cannot take rows of several
 * requests in one run (and a non-tensor output cannot be split back per request).
 */
export function fixedBatchReason(inputs: TensorInfo[], outputs: TensorInfo[]): string | undefined {
  for (const t of [...inputs, ...outputs]) {
    if (t.type === 'non-tensor') return `${t.name} is not a tensor`;
    const first = t.shape[0];
    if (typeof first === 'number' && first >= 0) return `${t.name} has a fixed batch dimension of ${first}`;
  }
  return undefined;
}

/**
 * The manifest's `batching` block overrides the global defaults field by field. Bad values are
 * reported and ignored rather than failing requests: the defaults are always safe.
 */
export function resolveBatchLimits(
  defaults: BatchLimits,
  manifest: Manifest | undefined,
  problems: string[],
): BatchLimits {
  const own = manifest?.batching;
  const limits = { ...defaults };
  if (!own) return limits;
  if (own.maxBatchSize !== undefined) {
    if (isCount(own.maxBatchSize, 1, 100_000)) limits.maxBatchSize = own.maxBatchSize;
    else problems.push(`batching.maxBatchSize must be an integer between 1 and 100000`);
  }
  if (own.maxDelayMs !== undefined) {
    if (isCount(own.maxDelayMs, 0, 1000)) limits.maxDelayMs = own.maxDelayMs;
    else problems.push(`batching.maxDelayMs must be an integer between 0 and 1000`);
  }
  return limits;
}
