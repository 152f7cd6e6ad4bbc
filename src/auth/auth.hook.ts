import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ModelAccess } from '../common/http/model-access';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ApiKeyStore } from './keys/api-key.store';
import { isPublicRoute } from './public-routes';
import { RateLimiter } from './rate-limit/rate-limiter';
import { ScopeCheck } from './scope-check';
import { Verdict } from './rate-limit/token-bucket';
import './principal';

/** Every 401 looks the same, so a caller learns nothing about which keys exist. */
export function unauthorized(): DomainError {
  return new DomainError(
    'unauthorized',
    'A valid API key is required (Authorization: Bearer <key> or X-API-Key)',
  );
}

function presentedKey(req: FastifyRequest): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  const authorization = req.headers.authorization;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/**
 * Authentication, rate limiting and scopes as a Fastify onRequest hook: a request without a
 * valid key, over its rate, or outside its key's scopes is turned away before its body is read
 * or parsed, and allowed requests pay no Nest guard (a guard costs a handful of promises).
 */
@Injectable()
export class AuthHook implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly keys: ApiKeyStore,
    private readonly limiter: RateLimiter,
    private readonly scopes: ScopeCheck,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // callback style, not async: this runs on every request and most never wait for anything
    fastify.addHook('onRequest', (req, reply, done) => this.check(req, reply, done));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }

  private check(req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void {
    if (isPublicRoute(req.routeOptions.url)) return done();
    const principal = this.keys.authenticate(presentedKey(req));
    if (!principal) {
      void reply.header('www-authenticate', 'Bearer realm="sightline"');
      return done(unauthorized());
    }
    req.principal = principal;
    req.modelAccess = principal.models ? new ModelAccess(principal.models) : ModelAccess.ALL;
    // a forbidden call still spends the key's rate, as any other call does
    const settle = (verdict?: Verdict): void =>
      done((verdict && this.limited(reply, verdict)) ?? this.scopes.check(req, principal));
    if (this.config.rateLimit.rps === 0) return settle();
    const verdict = this.limiter.take(principal.keyId ?? `ip:${req.ip}`);
    if (!(verdict instanceof Promise)) return settle(verdict);
    verdict.then(settle, (err: Error) => done(err));
  }

  private limited(reply: FastifyReply, verdict: Verdict): DomainError | undefined {
    if (verdict.allowed) return undefined;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    void reply.header('retry-after', String(seconds));
    return new DomainError('rate_limited', `Rate limit exceeded: retry after ${seconds} s`, [], {
      retry_after: seconds,
    });
  }
}
