import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../../../common/clock';
import { ServableVersion } from '../../../../model-registry/model-version';
import { parseCsv } from '../../../drift/reference/reference-csv';
import { CbpeModel, DEFAULT_REFERENCE_CHUNKS, fitCbpe } from '../cbpe/cbpe-model';
import { MAX_ESTIMATED_LABELS } from '../estimation-sql';
import { featureRows, hasProbabilityColumns, labelledReference, ReferenceError } from './labelled-reference';
import { PerformanceReferenceEntity } from './performance-reference.entity';
import { PerformanceReferenceRepository } from './performance-reference.repository';
import { ReferenceScorer } from './reference-scorer';

/** Fewest labelled reference rows CBPE is fitted on (each of its chunks must say something). */
export const MIN_REFERENCE_ROWS = 50;

export type CbpeReference =
  { model: CbpeModel; stored: PerformanceReferenceEntity } | { unavailable: string };

/**
 * A version's CBPE reference: learned from its reference.csv (the manifest's `performance.target`
 * column holds the true label) the first time an estimate needs it, stored, and learned again when
 * the file changes. Why a version has none is an answer, not an error: the estimate says so.
 */
@Injectable()
export class PerformanceReferenceService {
  private readonly logger = new Logger(PerformanceReferenceService.name);
  /** sha256 of each reference.csv, by path, while its size and mtime stay the same. */
  private readonly digests = new Map<string, { stamp: string; digest: string }>();

  constructor(
    private readonly repository: PerformanceReferenceRepository,
    private readonly scorer: ReferenceScorer,
    private readonly clock: Clock,
  ) {}

  async referenceFor(v: ServableVersion): Promise<CbpeReference> {
    const m = v.manifest;
    if (m.task !== 'classification') return { unavailable: 'CBPE estimates classifiers only' };
    if (m.labels.length > MAX_ESTIMATED_LABELS) {
      return { unavailable: `CBPE is offered up to ${MAX_ESTIMATED_LABELS} labels` };
    }
    if (!m.performance.target) {
      return {
        unavailable:
          'the manifest names no performance.target (the reference.csv column with the true label)',
      };
    }
    if (!v.stored.referencePath) return { unavailable: 'the version has no reference.csv' };
    const path = v.stored.referencePath;
    const info = await stat(path);
    const stamp = `${info.size}:${info.mtimeMs}`;
    let text: string | undefined;
    let digest = this.digests.get(path)?.stamp === stamp ? this.digests.get(path)!.digest : undefined;
    if (digest === undefined) {
      text = await readFile(path, 'utf8');
      digest = createHash('sha256').update(text).digest('hex');
      this.digests.set(path, { stamp, digest });
    }
    const stored = await this.repository.find(v.name, v.version);
    if (stored && stored.sourceDigest === digest) return { model: stored.model, stored };
    try {
      const built = await this.build(v, text ?? (await readFile(path, 'utf8')), digest);
      await this.repository.save(built);
      return { model: built.model, stored: built };
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      return { unavailable: err.message };
    }
  }

  private async build(v: ServableVersion, text: string, digest: string): Promise<PerformanceReferenceEntity> {
    const table = parseCsv(text);
    const fromFile = hasProbabilityColumns(v.manifest, table);
    const scored = fromFile ? undefined : await this.scorer.score(v, featureRows(v.manifest, table));
    const { reference, skipped } = labelledReference(v.manifest, table, scored);
    if (reference.actual.length < MIN_REFERENCE_ROWS) {
      throw new ReferenceError(
        `reference.csv has ${reference.actual.length} usable labelled rows, fewer than the ${MIN_REFERENCE_ROWS} CBPE needs`,
      );
    }
    const model = fitCbpe(reference, v.manifest.performance.chunks ?? DEFAULT_REFERENCE_CHUNKS);
    this.logger.log(
      `performance reference of ${v.name} v${v.version}: ${reference.actual.length} labelled rows` +
        `${skipped ? ` (${skipped} skipped)` : ''}, probabilities from ${fromFile ? 'reference.csv' : 'the model'}, ` +
        `calibrated: ${model.calibrators.map((c) => (c.kind === 'isotonic' ? 'yes' : 'no')).join('/')}`,
    );
    return {
      id: uuidv7(),
      modelName: v.name,
      modelVersion: v.version,
      sourceDigest: digest,
      rows: reference.actual.length,
      probabilitySource: fromFile ? 'file' : 'model',
      model,
      createdAt: this.clock.now(),
    };
  }
}
