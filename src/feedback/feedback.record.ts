import { PredictionSummary } from '../prediction-log/read/prediction-log.reader';

/** Stored feedback: exactly one of actualLabel (classification) and actualValue (regression) is set. */
export interface FeedbackRecord {
  id: string;
  predictionId: string;
  actualLabel: string | null;
  actualValue: number | null;
  comment: string | null;
  metadata: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** Validated, sanitized feedback on its way to the store. */
export interface NewFeedback {
  id: string;
  predictionId: string;
  actualLabel: string | null;
  actualValue: number | null;
  comment: string | null;
  metadata: unknown;
}

/** What feedback needs to know about the prediction it labels. */
export type PredictionRef = PredictionSummary;

export type SubmitStatus = 'created' | 'unchanged' | 'conflict';

export interface SubmitOutcome {
  predictionId: string;
  status: SubmitStatus;
  /** The value already stored, when it differs (conflict). */
  existing?: string | number;
}

export function actualOf(r: { actualLabel: string | null; actualValue: number | null }): string | number {
  return r.actualLabel ?? (r.actualValue as number);
}
