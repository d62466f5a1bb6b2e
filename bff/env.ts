// Parses the environment once, at start, and fails fast with every problem listed.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_KEYS_REFRESH_SECONDS, defaultConfig, MAX_ACCESS_TOKEN_SECONDS, MAX_KEYS_REFRESH_SECONDS, MAX_SESSION_SECONDS, type AppConfig } from './config';
import ipaddr from 'ipaddr.js';
import { isValidAllowlistEntry } from './domain/ip-allowlist';

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
  if (!e.CONSOLE_CLIENT_SECRET && !(isLoopback(issuer) && LOOPBACK_HOSTS.includes(e.HOST) && !e.TRUSTED_PROXIES)) {
    throw new Error('invalid environment:\n  CONSOLE_CLIENT_SECRET: required unless the server listens on, is named by, and is reached only through a loopback address (the development secret is public)');
  }
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
    config,
  };
}
