import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { PredictionLogWriter } from '../prediction/log/prediction-log.writer';

@Injectable()
export class LogWriterHealthIndicator {
  constructor(
    private readonly writer: PredictionLogWriter,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check(key = 'prediction_log'): HealthIndicatorResult {
    const check = this.indicator.check(key);
    const details = { queue_depth: this.writer.depth };
    return this.writer.keepingUp
      ? check.up(details)
      : check.down({ ...details, reason: 'the log writer is falling behind' });
  }
}
