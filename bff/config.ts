// What the app needs to know about its deployment; built from the environment by env.ts.

/** An OIDC issuer whose ID/access tokens are trusted as sign-in (users are matched by e-mail). */
export interface ExternalIssuerConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
}

export interface AppConfig {
  /** Our own issuer URL: `iss` of every token we sign, and the base of the OAuth metadata. */
  issuer: string;
  sessionTtlSeconds: number;
  /** Customer access token lifetime; capped at 15 minutes. */
  accessTokenTtlSeconds: number;
  /** Monitoring apps a customer token may be issued for (RFC 8707 `resource`); the first is the default. */
  resources: string[];
  /** The reference console, a confidential client of introspection and revocation. */
  consoleClient: { id: string; secret: string };
  externalIssuer: ExternalIssuerConfig | null;
  /** Reverse proxies (IPs or CIDRs) whose X-Forwarded-For names the client; empty: use the socket peer. */
  trustedProxies: string[];
  /**
   * How stale this process's copy of the signing keys may get (seconds): a key rotated by another
   * instance or by `keys:rotate` is published and used for signing here within this bound.
   */
  keysRefreshSeconds: number;
  rateLimit: {
    exchangesPerUserPerMinute: number;
    exchangesPerIpPerMinute: number;
    /** Sign-in attempts for one account from one IP. */
    signInsPerAccountAndIpPerMinute: number;
    /** Sign-in attempts for one account from anywhere. */
    signInsPerAccountPerMinute: number;
    /** Sign-in attempts from one IP for any account (each costs a scrypt). */
    signInsPerIpPerMinute: number;
  };
}

export const EXTENSION_CLIENT_ID = 'switchboard-extension';
export const MAX_ACCESS_TOKEN_SECONDS = 15 * 60;
/** The longest session any configuration allows: how long a retired signing key stays published. */
export const MAX_SESSION_SECONDS = 7 * 24 * 3600;
/**
 * A retired key stays published for MAX_SESSION_SECONDS plus a minute (auth/key-store.ts), and an
 * instance may go on signing with it for up to the refresh interval after a rotation elsewhere: the
 * interval must fit in that minute, or such a token would outlive its key.
 */
export const MAX_KEYS_REFRESH_SECONDS = 60;
export const DEFAULT_KEYS_REFRESH_SECONDS = 30;

export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    issuer: 'http://127.0.0.1:8787',
    sessionTtlSeconds: 8 * 3600,
    accessTokenTtlSeconds: MAX_ACCESS_TOKEN_SECONDS,
    resources: ['http://127.0.0.1:8788'],
    consoleClient: { id: 'switchboard-console', secret: 'switchboard-console-dev-secret' },
    externalIssuer: null,
    trustedProxies: [],
    keysRefreshSeconds: DEFAULT_KEYS_REFRESH_SECONDS,
    rateLimit: {
      exchangesPerUserPerMinute: 120,
      exchangesPerIpPerMinute: 600,
      signInsPerAccountAndIpPerMinute: 10,
      signInsPerAccountPerMinute: 100,
      signInsPerIpPerMinute: 60,
    },
    ...overrides,
  };
}

/**
 * Bounds on each HTTP connection (node:http), so slow or huge requests cannot hold the server:
 * a client must send all its headers within `headersTimeoutMs` and the whole request within
 * `requestTimeoutMs` (slowloris), headers past `maxHeaderBytes` are refused with 431, and an idle
 * keep-alive connection is closed after `keepAliveTimeoutMs`. Bodies are bounded by the app (64 KiB).
 */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxHeaderBytes: number;
  /** How often node checks the two timeouts above (their resolution). */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  checkIntervalMs: 1_000,
};
