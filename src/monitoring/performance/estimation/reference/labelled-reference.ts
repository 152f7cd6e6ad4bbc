import { Manifest } from '../../../../model-registry/manifest';
import { DecodedPrediction } from '../../../../model-registry/output-decoder';
import { CsvTable } from '../../../drift/reference/reference-csv';
import { LabelledReference } from '../cbpe/cbpe-model';

/** reference.csv's columns for the model's probabilities, one per label (`__proba_<label>__`). */
export const probabilityColumn = (label: string): string => `__proba_${label}__`;

export const PREDICTION_COLUMN = '__prediction__';

export class ReferenceError extends Error {}

/** The feature cells of each row, typed as a request would send them (empty cells left out). */
export function featureRows(manifest: Manifest, table: CsvTable): Record<string, unknown>[] {
  const columns = manifest.features.map((f) => ({ f, cells: table.columns[table.header.indexOf(f.name)] }));
  return Array.from({ length: table.rows }, (_, r) => {
    const row: Record<string, unknown> = {};
    for (const { f, cells } of columns) {
      const cell = cells?.[r];
      if (cell === undefined || cell === '') continue;
      row[f.name] = f.type === 'numeric' ? Number(cell) : cell;
    }
    return row;
  });
}

/**
 * The labelled reference CBPE fits on: the target column the manifest names, and the model's
 * probabilities from the file's `__proba_<label>__` columns (with `__prediction__`, else the most
 * probable label) or, without them, from `scored` (the model run on the rows). Rows without a
 * known label or a score are left out.
 */
export function labelledReference(
  manifest: Manifest,
  table: CsvTable,
  scored?: (DecodedPrediction | undefined)[],
): { reference: LabelledReference; skipped: number } {
  const labels = manifest.labels;
  const column = (name: string) => {
    const i = table.header.indexOf(name);
    return i < 0 ? undefined : table.columns[i];
  };
  const target = column(manifest.performance.target!);
  if (!target)
    throw new ReferenceError(
      `reference.csv has no column "${manifest.performance.target}" (performance.target)`,
    );
  const probabilityColumns = labels.map((l) => column(probabilityColumn(l)));
  const fromFile = probabilityColumns.every((c) => c !== undefined);
  const predictions = column(PREDICTION_COLUMN);
  const ref: LabelledReference = { labels, actual: [], predicted: [], probabilities: [] };
  let skipped = 0;
  for (let r = 0; r < table.rows; r++) {
    const actual = labels.indexOf(target[r]);
    let probs: number[] | undefined;
    let predicted = -1;
    if (fromFile) {
      probs = probabilityColumns.map((c) => Number(c![r]));
      const named = predictions ? labels.indexOf(predictions[r]) : -1;
      predicted = named >= 0 ? named : probs.indexOf(Math.max(...probs));
    } else if (scored?.[r]?.probabilities) {
      const s = scored[r]!;
      probs = labels.map((l) => s.probabilities![l]);
      predicted = labels.indexOf(String(s.prediction));
    }
    if (
      actual < 0 ||
      predicted < 0 ||
      !probs ||
      !probs.every((p) => Number.isFinite(p) && p >= 0 && p <= 1)
    ) {
      skipped++;
      continue;
    }
    ref.actual.push(actual);
    ref.predicted.push(predicted);
    ref.probabilities.push(probs);
  }
  return { reference: ref, skipped };
}

/** Whether the file carries the model's probabilities itself. */
export function hasProbabilityColumns(manifest: Manifest, table: CsvTable): boolean {
  return manifest.labels.every((l) => table.header.includes(probabilityColumn(l)));
}
