import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ModelAccess } from '../common/http/model-access';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthEvents, AuthMethod } from './auth.events';
import { looksLikeJwt, JwtVerifier, TokenVerdict } from './jwt/jwt-verifier';
import { ApiKeyStore } from './keys/api-key.store';
import { Principal } from './principal';
import { isPublicRoute } from './public-routes';
import { RateLimiter } from './rate-limit/rate-limiter';
import { ScopeCheck } from './scope-check';
import { Verdict } from './rate-limit/token-bucket';

/** Every 401 looks the same, so a caller learns nothing about which keys or tokens exist. */
function unauthorized(tokens: boolean): DomainError {
  return new DomainError(
    'unauthorized',
    tokens
      ? 'A valid API key or access token is required (Authorization: Bearer <key or token> or X-API-Key)'
      : 'A valid API key is required (Authorization: Bearer <key> or X-API-Key)',
  );
}

type Done = (err?: Error) => void;

function bearer(req: FastifyRequest): string | undefined {
  const authorization = req.headers.authorization;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

function presentedKey(req: FastifyRequest): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  return bearer(req);
}

/**
 * Authentication, rate limiting and scopes as a Fastify onRequest hook: a request without a
 * valid key or token, over its rate, or outside its scopes is turned away before its body is read
 * or parsed, and allowed requests pay no Nest guard (a guard costs a handful of promises).
 */
@Injectable()
export class AuthHook implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly keys: ApiKeyStore,
    private readonly tokens: JwtVerifier,
    private readonly limiter: RateLimiter,
    private readonly scopes: ScopeCheck,
    private readonly events: AuthEvents,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // callback style, not async: this runs on every request and most never wait for anything
    fastify.addHook('onRequest', (req, reply, done) => this.check(req, reply, done));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }

  private check(req: FastifyRequest, reply: FastifyReply, done: Done): void {
    if (isPublicRoute(req.routeOptions.url)) return done();
    const token = this.tokens.enabled ? bearer(req) : undefined;
    if (token !== undefined && req.headers['x-api-key'] === undefined && looksLikeJwt(token)) {
      this.tokens.verify(token).then(
        (verdict) => this.afterToken(req, reply, done, verdict),
        (err: Error) => done(err),
      );
      return;
    }
    const principal = this.keys.authenticate(presentedKey(req));
    if (!principal) return this.refuse(reply, done, 'api_key');
    this.admit(req, reply, done, principal, principal.keyId === null ? 'open' : 'api_key');
  }

  private afterToken(req: FastifyRequest, reply: FastifyReply, done: Done, verdict: TokenVerdict): void {
    if ('rejected' in verdict) {
      this.events.tokenRejected(verdict.rejected);
      return this.refuse(reply, done, 'jwt');
    }
    this.admit(req, reply, done, verdict.principal, 'jwt');
  }

  private refuse(reply: FastifyReply, done: Done, method: AuthMethod): void {
    this.events.decided(method, 'unauthorized', null);
    void reply.header('www-authenticate', 'Bearer realm="sightline"');
    done(unauthorized(this.tokens.enabled));
  }

  private admit(
    req: FastifyRequest,
    reply: FastifyReply,
    done: Done,
    principal: Principal,
    method: AuthMethod,
  ): void {
    req.principal = principal;
    req.modelAccess = principal.models ? new ModelAccess(principal.models) : ModelAccess.ALL;
    // a forbidden call still spends the key's rate, as any other call does
    const settle = (verdict?: Verdict): void => {
      const error = (verdict && this.limited(reply, verdict)) ?? this.scopes.check(req, principal);
      const outcome =
        error === undefined ? 'allowed' : error.code === 'rate_limited' ? 'rate_limited' : 'forbidden';
      this.events.decided(method, outcome, principal.keyName);
      done(error);
    };
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
