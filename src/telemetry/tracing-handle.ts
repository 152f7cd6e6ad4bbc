/**
 * How instrumentation.ts hands the running SDK to the application. Kept free of imports: this
 * file is loaded by instrumentation.ts before any module the SDK must patch.
 */
export const TRACING_HANDLE = Symbol.for('sightline.tracing');

export interface TracingHandle {
  shutdown(): Promise<void>;
}
