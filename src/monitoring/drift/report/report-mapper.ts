import { StoredReference } from '../reference/profile.types';
import { DriftReportEntity } from './drift-report.entity';
import { DriftReport } from './drift-report.types';

export function referenceSummary(ref: StoredReference): NonNullable<DriftReport['reference']> {
  return {
    source: ref.source,
    rows: ref.profile.rows,
    source_rows: ref.sourceRows,
    created_at: ref.createdAt.toISOString(),
    ...(ref.windowStart && ref.windowEnd
      ? { window: { from: ref.windowStart.toISOString(), to: ref.windowEnd.toISOString() } }
      : {}),
  };
}

/** The stored report, or for a run still going (or that failed before reporting) what its row knows. */
export function toReport(row: DriftReportEntity): DriftReport {
  if (row.report) return row.report;
  return {
    id: row.id,
    model: { name: row.modelName, version: row.modelVersion },
    trigger: row.trigger,
    status: row.status,
    window: { from: row.windowStart.toISOString(), to: row.windowEnd.toISOString() },
    reference: null,
    sample_sizes: { reference: 0, current: row.currentRows ?? 0 },
    dataset: {
      verdict: 'no_drift',
      drift_share: null,
      drift_detected: false,
      share_threshold: 0,
      drifted_features: [],
      tested_features: 0,
      monitored_features: 0,
      insufficient_data_features: [],
      correction: 'none',
    },
    features: [],
    prediction: null,
    skipped_features: [],
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    duration_ms: null,
    error: row.error,
  };
}

/** One line of the run history. */
export interface DriftRunSummary {
  id: string;
  version: string;
  trigger: 'manual' | 'schedule';
  status: 'running' | 'completed' | 'failed';
  window: { from: string; to: string };
  current_rows: number | null;
  drift_share: number | null;
  dataset_drift: boolean | null;
  drifted_features: string[];
  created_at: string;
  completed_at: string | null;
  error: string | null;
}

export function toSummary(row: DriftReportEntity): DriftRunSummary {
  return {
    id: row.id,
    version: row.modelVersion,
    trigger: row.trigger,
    status: row.status,
    window: { from: row.windowStart.toISOString(), to: row.windowEnd.toISOString() },
    current_rows: row.currentRows,
    drift_share: row.driftShare,
    dataset_drift: row.datasetDrift,
    drifted_features: row.report?.dataset.drifted_features ?? [],
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    error: row.error,
  };
}
