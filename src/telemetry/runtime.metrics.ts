import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

/** prom-client's process and Node.js runtime metrics, as `sightline_process_*` and `sightline_nodejs_*`. */
@Injectable()
export class RuntimeMetrics {
  constructor(metrics: MetricsRegistry) {
    collectDefaultMetrics({ register: metrics.registry, prefix: 'sightline_' });
  }
}
