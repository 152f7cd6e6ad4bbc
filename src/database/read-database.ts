import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ReadReplicaConfig } from '../config/read-replica-config';
import { dataSourceOptions } from './data-source-options';
import { ReadDatabaseEvents, ReadFallback } from './read-database.events';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// On a replica: 0 when everything received is replayed (an idle primary sends nothing, and the
// last replay timestamp then only says how long it has been idle), else the age of the last replay.
const LAG = `SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8 AS seconds,
  pg_last_wal_replay_lsn()::text AS lsn`;

/**
 * The one door to the read replica (DATABASE_READ_URL). Monitoring reads ask it for a DataSource:
 * `reads()` for dashboards' reads, which may trail the primary by the replica's lag, and
 * `upToDate()` for a window that must hold every row the primary had committed when it was asked.
 * Without a replica, or while it is down or lagging past DATABASE_READ_MAX_LAG_SECONDS, both are
 * the primary. Writes and reads that must see their own writes use the primary DataSource directly.
 */
@Injectable()
export class ReadDatabase implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  private readonly config: ReadReplicaConfig | undefined;
  private replica?: DataSource;
  /** Usable, or why not; reads go to the primary until a check says usable. */
  private state: 'usable' | ReadFallback | 'starting' = 'starting';
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly primary: DataSource,
    private readonly events: ReadDatabaseEvents,
  ) {
    this.config = config.readReplica;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config) return;
    const options = dataSourceOptions(this.config.url);
    this.replica = new DataSource({
      ...options,
      migrations: [],
      extra: { ...(options.extra as object), application_name: 'sightline-read' },
    } as typeof options);
    await this.check();
    this.timer = setInterval(() => void this.check(), this.config.checkIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  /** For dashboards' reads: the replica when it is usable, else the primary. */
  reads(reader: string): DataSource {
    if (this.state === 'usable') return this.replica!;
    if (this.replica) this.events.fellBack(reader, this.state === 'starting' ? 'down' : this.state);
    return this.primary;
  }

  /**
   * For a window read: the replica once it has replayed everything the primary had written when
   * this was called (waiting up to DATABASE_READ_WAIT_MS), else the primary, so a window is never
   * missing rows the replica has not seen yet.
   */
  async upToDate(reader: string): Promise<DataSource> {
    if (this.state !== 'usable') return this.reads(reader);
    const [{ lsn }] = (await this.primary.query('SELECT pg_current_wal_flush_lsn()::text AS lsn')) as {
      lsn: string;
    }[];
    const deadline = performance.now() + this.config!.waitMs;
    for (;;) {
      const caughtUp = await this.replica!.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [
        lsn,
      ]).then(
        (rows: { ok: boolean }[]) => rows[0]?.ok === true,
        () => false,
      );
      if (caughtUp) return this.replica!;
      if (performance.now() >= deadline) break;
      await sleep(25);
    }
    this.logger.warn(
      `the replica has not replayed up to ${lsn} after ${this.config!.waitMs} ms: ${reader} reads the primary`,
    );
    this.events.fellBack(reader, 'behind_window');
    return this.primary;
  }

  /** Measures the lag, connecting first if needed; decides whether the replica is usable. */
  private async check(): Promise<void> {
    if (this.checking) return; // a slow replica must not pile checks up
    this.checking = true;
    try {
      const { seconds, bytes } = await this.measure();
      this.events.measured(true, seconds, bytes);
      const state = seconds > this.config!.maxLagSeconds ? 'lagging' : 'usable';
      this.setState(state, `replay lag ${seconds.toFixed(1)} s`);
    } catch (err) {
      this.events.measured(false, null, null);
      this.setState('down', (err as Error).message);
    } finally {
      this.checking = false;
    }
  }

  private async measure(): Promise<{ seconds: number; bytes: number }> {
    const replica = this.replica!;
    if (!replica.isInitialized) await replica.initialize();
    const [lag] = (await replica.query(LAG)) as { seconds: number; lsn: string | null }[];
    if (lag.lsn === null)
      throw new Error('DATABASE_READ_URL is not a standby (pg_last_wal_replay_lsn() is null)');
    const [diff] = (await this.primary.query(
      'SELECT greatest(0, pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn))::float8 AS bytes',
      [lag.lsn],
    )) as { bytes: number }[];
    return { seconds: Number(lag.seconds), bytes: Number(diff.bytes) };
  }

  private setState(state: 'usable' | ReadFallback, detail: string): void {
    if (state === this.state) return;
    this.state = state;
    if (state === 'usable') this.logger.log('monitoring reads go to the read replica');
    else
      this.logger.warn(`read replica ${state} (${detail.slice(0, 200)}): monitoring reads go to the primary`);
  }
}
