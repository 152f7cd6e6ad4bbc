import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ReadDatabaseEvents, ReadFallback } from '../database/read-database.events';
import { counter } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';

interface Families {
  up: Gauge;
  seconds: Gauge;
  bytes: Gauge;
}

/**
 * The read replica's families (docs/metrics.md). The gauges appear with the first measurement, so
 * a deployment without DATABASE_READ_URL exports no `sightline_db_replica_up 0` to alert on.
 */
@Injectable()
export class MetricsReadDatabaseEvents extends ReadDatabaseEvents {
  private families?: Families;
  private readonly fallbacks: Counter<'reader' | 'reason'>;

  constructor(private readonly metrics: MetricsRegistry) {
    super();
    this.fallbacks = counter(metrics.registry, {
      name: 'sightline_db_read_fallbacks_total',
      help: 'Monitoring reads meant for the read replica that went to the primary, by reader and reason',
      labelNames: ['reader', 'reason'],
    });
  }

  override measured(up: boolean, lagSeconds: number | null, lagBytes: number | null): void {
    const f = (this.families ??= this.register());
    f.up.set(up ? 1 : 0);
    // an unreachable replica has no lag to report: NaN, not a reassuring made-up 0
    f.seconds.set(lagSeconds ?? NaN);
    f.bytes.set(lagBytes ?? NaN);
  }

  override fellBack(reader: string, reason: ReadFallback): void {
    this.fallbacks.inc({ reader, reason });
  }

  private register(): Families {
    const gauge = (name: string, help: string) =>
      new Gauge({ name, help, registers: [this.metrics.registry] });
    return {
      up: gauge(
        'sightline_db_replica_up',
        'The read replica answered the last lag check (DATABASE_READ_URL)',
      ),
      seconds: gauge(
        'sightline_db_replica_lag_seconds',
        'Replay lag of the read replica: 0 when it has replayed all it received, else the age of its last replayed transaction',
      ),
      bytes: gauge(
        'sightline_db_replica_lag_bytes',
        'WAL the primary has written that the replica has not replayed',
      ),
    };
  }
}
