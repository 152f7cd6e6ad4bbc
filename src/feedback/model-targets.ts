import { Injectable } from '@nestjs/common';
import { FieldAction } from '../common/sanitize/sanitizer';
import { Manifest, Task } from '../model-registry/manifest';
import { ModelRegistry } from '../model-registry/model-registry.service';

/** What a correct answer looks like for one model version, and how to sanitize what comes with it. */
export interface TargetSpec {
  task: Task;
  labels: string[];
  sanitizeFields: Record<string, FieldAction>;
}

export type ParsedActual =
  { actualLabel: string; actualValue: null } | { actualLabel: null; actualValue: number };

const LISTED_LABELS = 20;

/**
 * Reads targets from the model registry. Labels arrive late, possibly after a version was
 * replaced or failed to reload, so a version without a manifest borrows its model's default.
 */
@Injectable()
export class ModelTargets {
  constructor(private readonly registry: ModelRegistry) {}

  specFor(modelName: string, version: string): TargetSpec | undefined {
    const model = this.registry.list().find((m) => m.name === modelName);
    if (!model) return undefined;
    const candidates = [
      model.versions.get(version),
      model.defaultVersion ? model.versions.get(model.defaultVersion) : undefined,
    ];
    const manifest: Manifest | undefined = candidates.find((v) => v?.manifest)?.manifest;
    if (!manifest) return undefined;
    return { task: manifest.task, labels: manifest.labels, sanitizeFields: manifest.sanitize.fields };
  }
}

/** The actual as stored, or the reason it cannot be: a model label, or a finite number. */
export function parseActual(spec: TargetSpec, actual: unknown): ParsedActual | string {
  if (actual === undefined || actual === null) return 'is required';
  if (spec.task === 'regression') {
    return typeof actual === 'number' && Number.isFinite(actual)
      ? { actualLabel: null, actualValue: actual }
      : 'must be a finite number (this is a regression model)';
  }
  // labels are strings in the manifest; 1 is accepted for a label "1"
  const label = typeof actual === 'string' || typeof actual === 'number' ? String(actual) : undefined;
  if (label !== undefined && spec.labels.includes(label)) return { actualLabel: label, actualValue: null };
  const shown = spec.labels.slice(0, LISTED_LABELS).map((l) => JSON.stringify(l));
  const more = spec.labels.length > LISTED_LABELS ? `, … (${spec.labels.length} labels)` : '';
  return `must be one of the model's labels: ${shown.join(', ')}${more}`;
}
