import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { uuidv7 } from 'uuidv7';
import { assertUuid } from '../../common/uuid';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { ModelRegistry } from '../../model-registry/model-registry.service';
import { ServableVersion } from '../../model-registry/model-version';
import { ATTR, failSpan, tracer } from '../../common/tracing/tracing';
import { DriftGauges } from './drift.gauges';
import { DriftRunner } from './drift-runner';
import { ReferenceService } from './reference/reference.service';
import { StoredReference } from './reference/profile.types';
import { DriftReportEntity } from './report/drift-report.entity';
import { DriftReportRepository } from './report/drift-report.repository';
import { DriftReport } from './report/drift-report.types';
import { DriftRunSummary, referenceSummary, toReport, toSummary } from './report/report-mapper';

export interface TimeWindow {
  from: Date;
  to: Date;
}

/** Runs drift (on request or for the scheduler), keeps the reports and exports the latest as gauges. */
@Injectable()
export class DriftService {
  private readonly logger = new Logger(DriftService.name);
  /** Which replica ran a report (kept on the row, for operators and the scheduler test). */
  readonly runnerId = `${hostname()}:${process.pid}:${uuidv7().slice(-6)}`;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly references: ReferenceService,
    private readonly runner: DriftRunner,
    private readonly reports: DriftReportRepository,
    private readonly gauges: DriftGauges,
    private readonly clock: Clock,
  ) {}

  async trigger(name: string, version: string | undefined, window: TimeWindow): Promise<DriftReport> {
    const v = this.registry.servable(name, version);
    const reference = await this.references.current(v);
    return (await this.execute(v, reference, window, null))!;
  }

  /** A scheduled run, unless the version has no reference or this slot already ran elsewhere. */
  async scheduled(
    v: ServableVersion,
    slot: number,
    window: TimeWindow,
  ): Promise<'ran' | 'taken' | 'no-reference'> {
    const reference = await this.references.profileFor(v);
    if (!reference) return 'no-reference';
    return (await this.execute(v, reference, window, slot)) ? 'ran' : 'taken';
  }

  private async execute(
    v: ServableVersion,
    reference: StoredReference,
    window: TimeWindow,
    slot: number | null,
  ): Promise<DriftReport | undefined> {
    const row: DriftReportEntity = {
      id: uuidv7(),
      modelName: v.name,
      modelVersion: v.version,
      trigger: slot === null ? 'manual' : 'schedule',
      status: 'running',
      slot: slot === null ? null : String(slot),
      runner: this.runnerId,
      windowStart: window.from,
      windowEnd: window.to,
      currentRows: null,
      driftShare: null,
      datasetDrift: null,
      report: null,
      error: null,
      createdAt: this.clock.now(),
      completedAt: null,
    };
    if (!(await this.reports.claim(row))) return undefined;
    const attributes = {
      [ATTR.modelName]: v.name,
      [ATTR.modelVersion]: v.version,
      'sightline.drift.trigger': row.trigger,
      'sightline.drift.window_start': window.from.toISOString(),
      'sightline.drift.window_end': window.to.toISOString(),
    };
    return tracer.startActiveSpan('sightline.drift.run', { attributes }, async (span) => {
      const started = this.clock.monotonicMs();
      try {
        const figures = await this.runner.run(v, reference, window.from, window.to);
        row.completedAt = this.clock.now();
        const report: DriftReport = {
          ...toReport(row),
          status: 'completed',
          reference: referenceSummary(reference),
          ...figures,
          completed_at: row.completedAt.toISOString(),
          duration_ms: this.clock.monotonicMs() - started,
        };
        Object.assign(row, {
          status: 'completed',
          currentRows: figures.sample_sizes.current,
          driftShare: figures.dataset.drift_share,
          datasetDrift: figures.dataset.drift_detected,
          report,
        });
        await this.reports.finish(row);
        this.gauges.update(report);
        span.setAttributes({
          'sightline.drift.current_rows': figures.sample_sizes.current,
          'sightline.drift.drifted_features': figures.dataset.drifted_features.length,
          'sightline.drift.dataset_drift': figures.dataset.drift_detected,
        });
        return report;
      } catch (err) {
        failSpan(span, err);
        Object.assign(row, {
          status: 'failed',
          error: (err as Error).message.slice(0, 2000),
          completedAt: this.clock.now(),
        });
        await this.reports
          .finish(row)
          .catch((e: Error) => this.logger.error(`drift report not saved: ${e.message}`));
        throw err;
      } finally {
        span.end();
      }
    });
  }

  async latest(name: string, version?: string): Promise<DriftReport> {
    const v = this.registry.version(name, version);
    const row = await this.reports.latestCompleted(v.name, v.version);
    if (!row) {
      throw new DomainError(
        'not_found',
        `No drift run of ${v.name} version ${v.version} has completed yet: POST /v1/models/${v.name}/drift/runs`,
      );
    }
    return toReport(row);
  }

  async run(name: string, id: string): Promise<DriftReport> {
    this.registry.get(name);
    assertUuid(id, 'id');
    const row = await this.reports.findById(name, id);
    if (!row) throw new DomainError('not_found', `Model "${name}" has no drift run "${id}"`);
    return toReport(row);
  }

  async history(
    name: string,
    version: string | undefined,
    limit: number,
    before?: string,
  ): Promise<{ items: DriftRunSummary[]; next: string | null }> {
    if (version === undefined) this.registry.get(name);
    else this.registry.version(name, version);
    const rows = await this.reports.history(name, version, limit, before);
    return { items: rows.map(toSummary), next: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  /** Gauges from the stored reports, so a restart does not blank them until the next tick. */
  async restoreGauges(): Promise<void> {
    for (const row of await this.reports.latestPerVersion()) {
      if (row.report) this.gauges.update(row.report);
    }
  }
}
