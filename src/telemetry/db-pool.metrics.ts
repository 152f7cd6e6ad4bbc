import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from './metrics.registry';

/** The counters node-postgres keeps on its pool. */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function isPgPool(pool: unknown): pool is PgPoolCounts {
  return typeof (pool as PgPoolCounts | undefined)?.totalCount === 'number';
}

/** `sightline_db_pool_connections{state}`, read from TypeORM's pg pool at scrape time. */
@Injectable()
export class DbPoolMetrics {
  constructor(metrics: MetricsRegistry, @InjectDataSource() dataSource: DataSource) {
    new Gauge({
      name: 'sightline_db_pool_connections',
      help: 'Postgres pool connections: total open, idle, and clients waiting for one',
      labelNames: ['state'],
      registers: [metrics.registry],
      collect() {
        const pool: unknown = dataSource.isInitialized
          ? (dataSource.driver as { master?: unknown }).master
          : undefined;
        if (!isPgPool(pool)) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
}
