/** One logged prediction attempt, already sanitized: what the writer buffers and the database stores. */
export interface PredictionRecord {
  id: string;
  createdAt: Date;
  modelName: string;
  modelVersion: string;
  status: 'success' | 'error';
  errorClass: string | null;
  inputs: unknown;
  metadata: unknown;
  outputs: { prediction: string | number; probabilities?: Record<string, number> } | null;
  predictedLabel: string | null;
  predictedValue: number | null;
  latencyMs: number;
  requestId: string | null;
  traceId: string | null;
  source: 'v1' | 'v2';
}
