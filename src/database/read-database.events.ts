import { Injectable } from '@nestjs/common';

/** Why a read meant for the replica went to the primary. */
export type ReadFallback = 'down' | 'lagging' | 'behind_window';

/**
 * What the read routing reports; the default does nothing, the telemetry module binds the
 * Prometheus implementation (sightline_db_replica_* in docs/metrics.md).
 */
@Injectable()
export class ReadDatabaseEvents {
  /** One lag measurement; `up` false when the replica did not answer (lag then unknown). */
  measured(_up: boolean, _lagSeconds: number | null, _lagBytes: number | null): void {}
  fellBack(_reader: string, _reason: ReadFallback): void {}
}
