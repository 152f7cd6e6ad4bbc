import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AuthEvents, AuthMethod, AuthOutcome } from '../auth/auth.events';
import type { TokenRejection } from '../auth/jwt/jwt-verifier';
import { counter } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';

/** Token subjects can be many: past this many distinct callers the rest share `caller="other"`. */
export const MAX_CALLERS = 100;

const REJECTIONS: TokenRejection[] = [
  'malformed',
  'algorithm',
  'signature',
  'unknown_key',
  'expired',
  'not_yet_valid',
  'issuer',
  'audience',
  'claims',
  'jwks_unavailable',
];

/** `sightline_auth_requests_total` and `sightline_auth_token_rejections_total` (docs/metrics.md). */
@Injectable()
export class MetricsAuthEvents extends AuthEvents {
  private readonly requests: Counter<'method' | 'outcome' | 'caller'>;
  private readonly rejections: Counter<'reason'>;
  private readonly callers = new Set<string>();

  constructor(metrics: MetricsRegistry) {
    super();
    this.requests = counter(metrics.registry, {
      name: 'sightline_auth_requests_total',
      help: 'Authentication decisions, by method (api_key, jwt, open), outcome and caller (key name or token name claim)',
      labelNames: ['method', 'outcome', 'caller'],
    });
    this.rejections = counter(metrics.registry, {
      name: 'sightline_auth_token_rejections_total',
      help: 'Bearer tokens refused (each answered 401), by reason',
      labelNames: ['reason'],
    });
    for (const reason of REJECTIONS) this.rejections.inc({ reason }, 0);
  }

  override decided(method: AuthMethod, outcome: AuthOutcome, caller: string | null): void {
    this.requests.inc({ method, outcome, caller: this.callerLabel(caller) });
  }

  override tokenRejected(reason: TokenRejection): void {
    this.rejections.inc({ reason });
  }

  private callerLabel(caller: string | null): string {
    if (caller === null) return '';
    if (this.callers.has(caller)) return caller;
    if (this.callers.size >= MAX_CALLERS) return 'other';
    this.callers.add(caller);
    return caller;
  }
}
