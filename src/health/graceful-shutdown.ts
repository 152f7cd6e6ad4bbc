import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PredictionLog } from '../prediction-log/prediction-log';

/**
 * SIGTERM in the right order: stop accepting connections and let in-flight requests finish
 * (their log records are enqueued before their responses), then flush the log buffer to Postgres
 * or the journal. Nest would otherwise close the HTTP server only after every shutdown hook,
 * leaving a window in which new records arrive at a writer that has already drained.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly log: PredictionLog,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (signal) this.logger.log(`${signal}: finishing in-flight requests`);
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.config.limits.shutdownTimeoutMs);
    });
    // closing twice is harmless: Nest closes the adapter again after this hook
    await Promise.race([this.adapterHost.httpAdapter?.close(), patience]);
    clearTimeout(timer);
    await this.log.close();
    if (signal) this.logger.log('prediction log flushed; shutting down');
  }
}
