import { SqlParams } from '../../database/sql-params';

/** A model version's predictions in (start, end]: performance's window (realized and estimated). */
export interface PerformanceWindow {
  modelName: string;
  modelVersion: string;
  start: Date;
  end: Date;
}

/**
 * Estimated performance's read model: the successful classifications of a window that carry a
 * predicted label, each with its feedback if any, as `FROM ... WHERE ...`. The prediction is `p`
 * (use `probabilitySql` for a class probability and `p.predicted_label`), its feedback `f`, null
 * when no label has arrived (`f.actual_label`). `extra` is ANDed to the filter (a segment).
 */
export function scoredWindowSql(window: PerformanceWindow, params: SqlParams, extra?: string): string {
  return `FROM prediction_log p LEFT JOIN feedback f ON f.prediction_id = p.id
    WHERE p.model_name = ${params.add(window.modelName)} AND p.model_version = ${params.add(window.modelVersion)}
      AND p.created_at > ${params.add(window.start.toISOString())} AND p.created_at <= ${params.add(window.end.toISOString())}
      AND p.status = 'success' AND p.predicted_label IS NOT NULL${extra ? ` AND (${extra})` : ''}`;
}

/** The logged probability of the class whose label is the SQL expression `label`, as float8 (null when absent). */
export function probabilitySql(label: string): string {
  return `(p.outputs -> 'probabilities' ->> ${label})::float8`;
}
