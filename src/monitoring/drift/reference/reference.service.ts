import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../../common/clock';
import { DomainError, ValidationFailedError } from '../../../common/errors/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { ModelVersion, ServableVersion } from '../../../model-registry/model-version';
import { ModelRegistry } from '../../../model-registry/model-registry.service';
import { PredictionLogReader, ServedRow } from '../../../prediction-log/read/prediction-log.reader';
import { DriftReferenceRepository } from './drift-reference.repository';
import { buildProfile } from './profile-builder';
import { PREDICTION_COLUMN, StoredReference } from './profile.types';
import { parseCsv } from './reference-csv';

const key = (v: ModelVersion) => `${v.name}\u0000${v.version}`;

function cell(row: ServedRow, name: string): unknown {
  const inputs = row.inputs;
  if (typeof inputs !== 'object' || inputs === null) return null;
  return Object.prototype.hasOwnProperty.call(inputs, name)
    ? (inputs as Record<string, unknown>)[name]
    : null;
}

/**
 * Reference profiles: from reference.csv (read once at start-up to fingerprint it, and parsed only
 * when the stored profile is missing or was built from another version of the file), or from a
 * window of logged predictions on request. Runs read the stored profile only.
 */
@Injectable()
export class ReferenceService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceService.name);
  private readonly digests = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly repository: DriftReferenceRepository,
    private readonly log: PredictionLogReader,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const model of this.registry.list()) {
      for (const v of model.versions.values()) {
        if (!v.stored.referencePath) continue;
        try {
          this.digests.set(
            key(v),
            createHash('sha256')
              .update(await readFile(v.stored.referencePath))
              .digest('hex'),
          );
        } catch (err) {
          this.logger.warn(`reference of ${v.name} v${v.version} unreadable: ${(err as Error).message}`);
        }
      }
    }
  }

  /** The version's profile, built from its reference.csv first when needed; undefined when it has none. */
  async profileFor(v: ServableVersion): Promise<StoredReference | undefined> {
    const stored = await this.repository.find(v.name, v.version);
    const digest = this.digests.get(key(v));
    if (stored && (stored.source === 'window' || digest === undefined || stored.sourceDigest === digest)) {
      return stored;
    }
    if (!v.stored.referencePath || digest === undefined) return stored;
    const built = await this.fromFile(v, v.stored.referencePath, digest);
    await this.repository.saveFileProfile(built);
    // a concurrent window reference wins over the file: read back what is stored
    return (await this.repository.find(v.name, v.version)) ?? built;
  }

  private async fromFile(v: ServableVersion, path: string, digest: string): Promise<StoredReference> {
    const table = parseCsv(await readFile(path, 'utf8'));
    const column = (name: string) => {
      const i = table.header.indexOf(name);
      return i < 0 ? undefined : table.columns[i];
    };
    this.logger.log(
      `drift reference of ${v.name} v${v.version} built from ${table.rows} rows of reference.csv`,
    );
    return {
      id: uuidv7(),
      modelName: v.name,
      modelVersion: v.version,
      source: 'file',
      sourceDigest: digest,
      windowStart: null,
      windowEnd: null,
      sourceRows: table.rows,
      profile: buildProfile(v.manifest, table.rows, column),
      createdAt: this.clock.now(),
    };
  }

  /** Replaces the version's reference by (a uniform sample of) its logged predictions in [from, to). */
  async fromWindow(v: ServableVersion, from: Date, to: Date): Promise<StoredReference> {
    const limit = this.config.drift.maxSample;
    const window = { modelName: v.name, modelVersion: v.version, from, to };
    const { total, rows } = await this.log.sampleServed(window, limit);
    if (total === 0) {
      throw new ValidationFailedError(
        [{ field: 'window', message: `holds no successful predictions of ${v.name} version ${v.version}` }],
        'The window cannot be a reference',
      );
    }
    const classification = v.manifest.task === 'classification';
    const column = (name: string) =>
      name === PREDICTION_COLUMN
        ? rows.map((r) => (classification ? r.predicted_label : r.predicted_value))
        : rows.map((r) => cell(r, name));
    const ref: StoredReference = {
      id: uuidv7(),
      modelName: v.name,
      modelVersion: v.version,
      source: 'window',
      sourceDigest: null,
      windowStart: from,
      windowEnd: to,
      sourceRows: total,
      profile: buildProfile(v.manifest, rows.length, column),
      createdAt: this.clock.now(),
    };
    await this.repository.replace(ref);
    return ref;
  }

  /** Back to reference.csv (rebuilt at the next run). */
  async reset(v: ServableVersion): Promise<StoredReference> {
    if (!v.stored.referencePath) {
      throw new DomainError('conflict', `${v.name} version ${v.version} has no reference.csv to go back to`);
    }
    await this.repository.remove(v.name, v.version);
    const ref = await this.profileFor(v);
    if (!ref)
      throw new DomainError('not_found', `${v.name} version ${v.version} has no readable reference.csv`);
    return ref;
  }

  async current(v: ServableVersion): Promise<StoredReference> {
    const ref = await this.profileFor(v);
    if (!ref) {
      throw new DomainError(
        'not_found',
        `${v.name} version ${v.version} has no drift reference: add reference.csv or PUT /v1/models/${v.name}/drift/reference`,
      );
    }
    return ref;
  }
}
