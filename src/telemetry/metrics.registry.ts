import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';

/**
 * The one Prometheus registry of the process, injectable so every module registers its own
 * families on it and tests get a fresh, isolated registry per app (never prom-client's global).
 * Names and labels follow docs/metrics.md.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
}
