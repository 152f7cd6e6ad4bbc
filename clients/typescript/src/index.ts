export * from './client';
export { ErrorBody, SightlineError, Transport, TransportOptions } from './http';
export type { components, paths } from './generated/schema';
