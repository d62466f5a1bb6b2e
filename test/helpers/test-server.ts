// A real BFF for tests: a fresh temp-file libSQL database, migrated and seeded, an injected clock,
// and a real HTTP server on 127.0.0.1 (port chosen by the OS).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { JWTVerifyGetKey } from 'jose';
import { createApp } from '../../bff/app';
import { defaultConfig, type AppConfig } from '../../bff/config';
import { openDatabase, type Database } from '../../bff/db/client';
import { seedDemo, DEMO, DEMO_PASSWORD } from '../../bff/db/seed';
import { createDeps, type AppDeps } from '../../bff/deps';
import { manualClock } from '../../bff/domain/clock';

/** The instant every test world is seeded at (grant expiries are relative to it). */
export const SEEDED_AT = new Date('2026-11-24T12:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Globex's grant expires two hours after seeding (bff/db/seed.ts). */
export const GLOBEX_EXPIRY = new Date(SEEDED_AT.getTime() + 2 * HOUR);

/** Rate limits no test (or benchmark) trips unless it means to: probing many tenants is not an attack. */
export const unlimitedRates = (): AppConfig['rateLimit'] => ({
  exchangesPerUserPerMinute: 1e9,
  exchangesPerIpPerMinute: 1e9,
  signInsPerAccountAndIpPerMinute: 1e9,
  signInsPerAccountPerMinute: 1e9,
  signInsPerIpPerMinute: 1e9,
});

export interface TestWorld {
  baseUrl: string;
  deps: AppDeps;
  database: Database;
  /** The `file:` URL of the world's database, for a second connection or process. */
  databaseUrl: string;
  clock: ReturnType<typeof manualClock>;
  app: ReturnType<typeof createApp>;
  /** Signs in with a demo account and returns the session token. */
  signIn(email: string, password?: string): Promise<string>;
  /** Session tokens of every demo account, by its key in DEMO.users. */
  signInAllDemoUsers(): Promise<Record<keyof typeof DEMO.users, string>>;
  close(): Promise<void>;
}

export async function startTestWorld(
  options: {
    seed?: boolean;
    config?: Partial<AppConfig>;
    externalJwks?: JWTVerifyGetKey;
    listen?: boolean;
    /** The port to listen on (default: one the OS picks). */
    port?: number;
    /** The clock (default: a manual clock at SEEDED_AT); the demo is seeded at its current instant. */
    clock?: ReturnType<typeof manualClock>;
  } = {},
): Promise<TestWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const databaseUrl = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase({ url: databaseUrl });
  const clock = options.clock ?? manualClock(SEEDED_AT);
  if (options.seed !== false) await seedDemo(database, clock());
  let baseUrl = 'http://127.0.0.1:0';
  let server: ServerType | undefined;
  // The server starts first (the issuer URL needs its port); it serves the app once built.
  let app: ReturnType<typeof createApp> | undefined;
  if (options.listen !== false) {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: (req, env) => app!.fetch(req, env), hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const base = defaultConfig();
  // Tests sign in far more often than people do: sign-in limits are lifted unless a test sets them.
  const config = defaultConfig({ issuer: baseUrl, rateLimit: { ...base.rateLimit, signInsPerAccountAndIpPerMinute: 1000, signInsPerAccountPerMinute: 1000, signInsPerIpPerMinute: 1000 }, ...options.config });
  const deps = await createDeps({ database, clock, config, externalJwks: options.externalJwks });
  app = createApp(deps);
  const built = app;

  async function signIn(email: string, password = DEMO_PASSWORD) {
    const res = await built.request('/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { session_token: string }).session_token;
  }

  return {
    baseUrl,
    deps,
    database,
    databaseUrl,
    clock,
    app: built,
    signIn,
    async signInAllDemoUsers() {
      const entries = await Promise.all(Object.entries(DEMO.users).map(async ([key, u]) => [key, await signIn(u.email)] as const));
      return Object.fromEntries(entries) as Record<keyof typeof DEMO.users, string>;
    },
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
