// Parses the environment once, at start, and fails fast with every problem listed.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_KEYS_REFRESH_SECONDS, defaultConfig, MAX_ACCESS_TOKEN_SECONDS, MAX_KEYS_REFRESH_SECONDS, MAX_SESSION_SECONDS, type AppConfig } from './config';
import ipaddr from 'ipaddr.js';
import { isValidAllowlistEntry } from './domain/ip-allowlist';
import { defaultKekFile, type KekSettings } from './auth/kek-source';

/** A key-encryption key: 32 random bytes in base64url (`openssl rand 32 | basenc --base64url`). */
const kek = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 random bytes in base64url (43 characters)');

const url = z.url({ protocol: /^https?$/ });
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];
const isLoopback = (u: string) => LOOPBACK_HOSTS.includes(new URL(u).hostname);
const splitList = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);
const envSchema = z
  .object({
    HOST: z
      .string()
      .transform((h) => h.replace(/^\[(.*)\]$/, '$1'))
      .refine((h) => ipaddr.IPv4.isValidFourPartDecimal(h) || (ipaddr.IPv6.isValid(h) && !h.includes('%')) || /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(h), 'an IP address or a host name')
      .default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    DATABASE_URL: z.string().regex(/^(file:|libsql:|https?:|wss?:)/, 'use file:, libsql:, http(s): or ws(s):').default('file:bff/.data/switchboard.db'),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    ISSUER: url.optional(),
    CONSOLE_URL: url.default('http://127.0.0.1:8788'),
    EXTRA_RESOURCES: z.string().optional(),
    CONSOLE_CLIENT_SECRET: z.string().min(16).optional(),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(MAX_SESSION_SECONDS).default(8 * 3600),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(MAX_ACCESS_TOKEN_SECONDS).default(MAX_ACCESS_TOKEN_SECONDS),
    OIDC_ISSUER: url.optional(),
    OIDC_JWKS_URL: url.optional(),
    OIDC_AUDIENCE: z.string().optional(),
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .refine((v) => !v || splitList(v).every(isValidAllowlistEntry), 'comma-separated IPs or CIDRs'),
    RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(60).default(120),
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(60).default(600),
    SEED_DEMO: z.enum(['true', 'false']).default('true'),
    KEYS_REFRESH_SECONDS: z.coerce.number().int().min(1).max(MAX_KEYS_REFRESH_SECONDS).default(DEFAULT_KEYS_REFRESH_SECONDS),
    /** Workers of `npm run cluster`; one per CPU unless told. */
    INSTANCES: z.coerce.number().int().min(1).max(256).optional(),
    /** Seals the private signing keys stored in the database (auth/key-encryption.ts). */
    KEY_ENCRYPTION_KEY: kek.optional(),
    /** Older KEKs, comma-separated: keys sealed under them are opened and sealed again at start. */
    KEY_ENCRYPTION_KEY_PREVIOUS: z
      .string()
      .optional()
      .refine((v) => !v || splitList(v).every((k) => kek.safeParse(k).success), 'comma-separated keys, each 32 random bytes in base64url'),
    /** A file holding the KEK (default for the demo: `<database file>.kek`, created on a loopback bind). */
    KEY_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
    /** Only for `npm run kek:rotate`: the KEK to seal under from now on. */
    NEW_KEY_ENCRYPTION_KEY: kek.optional(),
  })
  .refine((e) => !e.OIDC_ISSUER || (e.OIDC_JWKS_URL && e.OIDC_AUDIENCE), {
    message: 'OIDC_ISSUER needs OIDC_JWKS_URL and OIDC_AUDIENCE',
  });

export interface ServerEnv {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken?: string;
  seedDemo: boolean;
  usingDevSecret: boolean;
  /** How many BFF workers `npm run cluster` starts on this machine. */
  instances: number;
  /** Where the key-encryption key comes from (auth/kek-source.ts). */
  keyEncryption: KekSettings;
  config: AppConfig;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const issuer = e.ISSUER ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`;
  const loopbackOnly = isLoopback(issuer) && LOOPBACK_HOSTS.includes(e.HOST) && !e.TRUSTED_PROXIES;
  const problems: string[] = [];
  if (!e.CONSOLE_CLIENT_SECRET && !loopbackOnly) {
    problems.push('CONSOLE_CLIENT_SECRET: required unless the server listens on, is named by, and is reached only through a loopback address (the development secret is public)');
  }
  if (!e.KEY_ENCRYPTION_KEY && !e.KEY_ENCRYPTION_KEY_FILE && !loopbackOnly) {
    problems.push('KEY_ENCRYPTION_KEY: required unless the server is reached only through a loopback address (set it, or KEY_ENCRYPTION_KEY_FILE, to 32 random bytes in base64url: the private signing keys in the database are sealed with it)');
  }
  if (problems.length) throw new Error(`invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const base = defaultConfig();
  const config: AppConfig = {
    ...base,
    issuer,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    resources: [e.CONSOLE_URL, ...(e.EXTRA_RESOURCES ? splitList(e.EXTRA_RESOURCES) : [])],
    consoleClient: { id: base.consoleClient.id, secret: e.CONSOLE_CLIENT_SECRET ?? base.consoleClient.secret },
    externalIssuer: e.OIDC_ISSUER ? { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL!, audience: e.OIDC_AUDIENCE! } : null,
    trustedProxies: e.TRUSTED_PROXIES ? splitList(e.TRUSTED_PROXIES) : [],
    keysRefreshSeconds: e.KEYS_REFRESH_SECONDS,
    rateLimit: { ...base.rateLimit, exchangesPerUserPerMinute: e.RATE_LIMIT_USER_PER_MINUTE, exchangesPerIpPerMinute: e.RATE_LIMIT_IP_PER_MINUTE },
  };
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    seedDemo: e.SEED_DEMO === 'true',
    usingDevSecret: !e.CONSOLE_CLIENT_SECRET,
    instances: e.INSTANCES ?? availableParallelism(),
    keyEncryption: {
      key: e.KEY_ENCRYPTION_KEY,
      previous: e.KEY_ENCRYPTION_KEY_PREVIOUS ? splitList(e.KEY_ENCRYPTION_KEY_PREVIOUS) : [],
      file: e.KEY_ENCRYPTION_KEY_FILE ?? defaultKekFile(e.DATABASE_URL) ?? 'bff/.data/switchboard.kek',
      // Only the demo on this machine gets a KEK made for it; a named file must exist.
      generate: loopbackOnly && !e.KEY_ENCRYPTION_KEY_FILE,
      next: e.NEW_KEY_ENCRYPTION_KEY,
    },
    config,
  };
}
