import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { PredictionLog } from '../prediction-log/prediction-log';

/**
 * The log pipeline's part of readiness. Down while the journal a previous process left (a crash)
 * is replayed at start-up, and when records are being dropped (memory and journal both at their
 * bounds). Writing from the journal later on (Postgres was down, or memory filled up) is reported
 * as `degraded` but stays up: nothing is lost, predictions are served, and taking every replica
 * out of rotation while they catch up would turn a database blip into an outage. A database that
 * is down already fails the `database` check.
 */
@Injectable()
export class LogWriterHealthIndicator {
  constructor(
    private readonly log: PredictionLog,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check(key = 'prediction_log'): HealthIndicatorResult {
    const check = this.indicator.check(key);
    const status = this.log.status();
    const details = {
      queue_depth: status.queueDepth,
      degraded: status.degraded,
      journal_depth: status.journalDepth,
      journal_bytes: status.journalBytes,
      journal_max_bytes: status.journalMaxBytes,
      recovering: status.recovering,
    };
    if (status.recovering) {
      return check.down({ ...details, reason: 'replaying the journal the previous process left' });
    }
    if (!status.keepingUp) {
      return check.down({
        ...details,
        reason: 'memory buffer and disk journal are full: records are dropped',
      });
    }
    if (!status.degraded) return check.up(details);
    return check.up({ ...details, reason: 'Postgres is unavailable or the journal is replaying' });
  }
}
