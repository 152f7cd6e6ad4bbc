import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { TRACING_HANDLE, TracingHandle } from './tracing-handle';

/**
 * Ends tracing after everything else has shut down, so the spans of the final log drain are
 * exported too (a signal handler in the SDK would race the application's own shutdown).
 */
@Injectable()
export class TracingLifecycle implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    const handle = (globalThis as Record<symbol, TracingHandle | undefined>)[TRACING_HANDLE];
    await handle?.shutdown().catch(() => undefined);
  }
}
