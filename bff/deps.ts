// Everything the app depends on, built once and passed in (tests build their own).
import type { Context } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import type { AppConfig } from './config';
import type { Database } from './db/client';
import { isTokenRevoked } from './db/revocations';
import type { Clock } from './domain/clock';
import { KeyStore } from './auth/key-store';
import type { KeyEncryption } from './auth/key-encryption';
import { createTokenService, type TokenService } from './auth/tokens';
import { RateLimiter } from './middleware/rate-limiter';
import { clientIpFromConnection } from './middleware/client-ip';

export interface AppDeps {
  database: Database;
  clock: Clock;
  config: AppConfig;
  keys: KeyStore;
  tokens: TokenService;
  rateLimiter: RateLimiter;
  /** The caller's IP (through trusted proxies), or undefined when unknown. */
  clientIp: (c: Context) => string | undefined;
}

export async function createDeps(options: {
  database: Database;
  clock: Clock;
  config: AppConfig;
  externalJwks?: JWTVerifyGetKey;
  clientIp?: AppDeps['clientIp'];
  keyEncryption?: KeyEncryption;
}): Promise<AppDeps> {
  const { database, clock, config } = options;
  const keys = new KeyStore(database, clock, { keyEncryption: options.keyEncryption });
  await keys.init();
  const tokens = createTokenService({
    keys,
    config,
    clock,
    externalJwks: options.externalJwks,
    isRevoked: (jti) => isTokenRevoked(database.db, jti),
  });
  return {
    database,
    clock,
    config,
    keys,
    tokens,
    rateLimiter: new RateLimiter(database, clock),
    clientIp: options.clientIp ?? ((c) => clientIpFromConnection(c, config.trustedProxies)),
  };
}
