import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Principal } from '../principal';
import { Scope, SCOPES } from '../../common/http/scopes';
import { apiKeyId, hashApiKey, keyMatches } from './api-key';
import { ApiKeyRepository } from './api-key.repository';

interface CachedKey {
  hash: string;
  principal: Principal;
}

export class OpenModeRefusedError extends Error {}

const EVERYTHING: Principal = { keyId: null, keyName: null, scopes: new Set<Scope>(SCOPES), models: null };
// compared against when the id is unknown, so a miss costs what a hit costs
const DECOY_HASH = hashApiKey('sl_000000000000_decoy-decoy-decoy-decoy-decoy-decoy-decoy-dec');

/**
 * The key table, held in memory and reloaded every AUTH_KEYS_REFRESH_MS: checking a key never
 * touches Postgres, so authentication costs microseconds and keeps working through a database
 * outage (with the table as last loaded). Open mode means no key was ever created and no identity
 * provider is configured; revoking every key does not reopen the service.
 */
@Injectable()
export class ApiKeyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Auth');
  private keys = new Map<string, CachedKey>();
  private open = true;
  private timer?: NodeJS.Timeout;
  private lastRefreshError = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ApiKeyRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    if (this.open) this.announceOpenMode();
    else if (this.config.auth.jwt)
      this.logger.log(
        `API keys (${this.keys.size} active) or tokens from ${this.config.auth.jwt.issuer} required`,
      );
    else this.logger.log(`API keys required (${this.keys.size} active)`);
    this.timer = setInterval(() => void this.refreshQuietly(), this.config.auth.keysRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** The principal a presented key stands for, or undefined for a missing, unknown or revoked key. */
  authenticate(presented: string | undefined): Principal | undefined {
    if (this.open) return EVERYTHING;
    if (presented === undefined) return undefined;
    const id = apiKeyId(presented);
    const cached = id === undefined ? undefined : this.keys.get(id);
    const match = keyMatches(presented, cached?.hash ?? DECOY_HASH);
    return cached && match ? cached.principal : undefined;
  }

  async refresh(): Promise<void> {
    const rows = await this.repository.list();
    const keys = new Map<string, CachedKey>();
    for (const row of rows) {
      if (row.revokedAt) continue;
      keys.set(row.id, {
        hash: row.secretHash,
        principal: {
          keyId: row.id,
          keyName: row.name,
          scopes: new Set(row.scopes as Scope[]),
          models: row.models ? new Set(row.models) : null,
        },
      });
    }
    const wasOpen = this.open;
    this.keys = keys;
    // with an identity provider configured, tokens are the way in: never open
    this.open = rows.length === 0 && !this.config.auth.jwt;
    if (wasOpen && !this.open && this.timer)
      this.logger.warn('an API key exists now: authentication is enforced');
  }

  private async refreshQuietly(): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      if (Date.now() - this.lastRefreshError > 60_000) {
        this.lastRefreshError = Date.now();
        this.logger.warn(
          `API key reload failed, keeping the last table: ${(err as Error).message.slice(0, 200)}`,
        );
      }
    }
  }

  private announceOpenMode(): void {
    const { nodeEnv, auth } = this.config;
    if (nodeEnv === 'production' && !auth.allowOpen) {
      throw new OpenModeRefusedError(
        'NODE_ENV=production and no API key exists: create one first (npx sightline keys create --name <name> ' +
          '--scopes predict,read) or set AUTH_ALLOW_OPEN=true to run without authentication',
      );
    }
    const banner =
      'AUTHENTICATION IS OFF: no API key exists, so every route is open to anyone who can reach this port. ' +
      'Create a key with `npx sightline keys create --name <name> --scopes predict,read` (or POST /v1/admin/keys) ' +
      'to turn it on; NODE_ENV=production refuses to start like this unless AUTH_ALLOW_OPEN=true.';
    if (nodeEnv === 'production') this.logger.error(banner);
    else this.logger.warn(banner);
  }
}
