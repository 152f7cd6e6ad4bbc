import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AdminKeysController } from './admin/admin-keys.controller';
import { AuthHook } from './auth.hook';
import { JwtVerifier } from './jwt/jwt-verifier';
import { ApiKeyRepository, TypeOrmApiKeyRepository } from './keys/api-key.repository';
import { ApiKeyService } from './keys/api-key.service';
import { ApiKeyStore } from './keys/api-key.store';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter';
import { RateLimiter, UnlimitedRateLimiter } from './rate-limit/rate-limiter';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter';
import { ScopeCheck } from './scope-check';

/** API keys, OIDC/JWT bearer tokens, scopes, per-key rate limits. See docs/security.md. */
@Module({
  controllers: [AdminKeysController],
  providers: [
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
    ApiKeyService,
    ApiKeyStore,
    AuthHook,
    JwtVerifier,
    ScopeCheck,
    {
      provide: RateLimiter,
      inject: [APP_CONFIG],
      useFactory: ({ rateLimit }: AppConfig): RateLimiter => {
        if (rateLimit.rps === 0) return new UnlimitedRateLimiter();
        if (rateLimit.redisUrl)
          return new RedisRateLimiter(rateLimit.redisUrl, rateLimit.rps, rateLimit.burst);
        return new MemoryRateLimiter(rateLimit.rps, rateLimit.burst);
      },
    },
  ],
})
export class AuthModule {}
