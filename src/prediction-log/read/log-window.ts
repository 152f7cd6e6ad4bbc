import { SqlParams } from '../../database/sql-params';

/*
 * Read models: the SQL other modules compose to aggregate over the log in Postgres, so that no
 * module outside this one names prediction_log or knows its layout (docs/prediction-log.md).
 */

/** The logged predictions of one model version in [from, to). */
export interface LogWindow {
  modelName: string;
  modelVersion: string;
  from: Date;
  to: Date;
}

/**
 * The successful v1 predictions of a window (the rows with features to compare: v2 records hold
 * tensor summaries), as `FROM ... WHERE ...` with the row as `p`. `joins` (for example a
 * `CROSS JOIN LATERAL jsonb_to_record(p.inputs) AS r(...)`) go between the table and the filter.
 * Columns on `p`: inputs (sanitized jsonb), predicted_label, predicted_value, outputs, created_at.
 */
export function servedWindowSql(window: LogWindow, params: SqlParams, joins = ''): string {
  return `FROM prediction_log p${joins}
    WHERE p.model_name = ${params.add(window.modelName)} AND p.model_version = ${params.add(window.modelVersion)}
      AND p.created_at >= ${params.add(window.from.toISOString())} AND p.created_at < ${params.add(window.to.toISOString())}
      AND p.status = 'success' AND p.source = 'v1'`;
}

/**
 * Performance's read model, with fixed parameters: $1 model, $2 version, $3 window start
 * (exclusive), $4 window end (inclusive). `PREDICTIONS_IN_WINDOW` counts the successful
 * predictions; `LABELLED_IN_WINDOW` is `FROM ... WHERE ...` over those with feedback, the
 * prediction as `p` and its feedback as `f` (actual_label, actual_value, created_at).
 */
const IN_WINDOW = `p.model_name = $1 AND p.model_version = $2 AND p.status = 'success'
    AND p.created_at > $3 AND p.created_at <= $4`;

export const PREDICTIONS_IN_WINDOW = `(SELECT count(*)::int FROM prediction_log p WHERE ${IN_WINDOW})`;

export const LABELLED_IN_WINDOW = `FROM prediction_log p JOIN feedback f ON f.prediction_id = p.id
    WHERE ${IN_WINDOW}`;
