// Starting the BFF, shared by both entrypoints: `npm start` (bff/server.ts, one process) and
// `npm run cluster` (bff/cluster.ts, one process per worker). They read the environment; this opens
// the database and listens.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { KeyStore } from './auth/key-store';
import { loadKeyEncryption } from './auth/kek-source';
import type { KeyEncryption } from './auth/key-encryption';
import { openDatabase, type Database } from './db/client';
import { DEMO, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seed';
import { createDeps } from './deps';
import { systemClock } from './domain/clock';
import type { ServerEnv } from './env';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './config';

export interface RunningServer {
  /** Where it answers, e.g. http://127.0.0.1:8787 (the wildcard host shown as loopback). */
  url: string;
  /** Whether this start created and seeded the demo database. */
  seeded: boolean;
  server: ServerType;
  database: Database;
}

const open = (env: ServerEnv) => openDatabase({ url: env.databaseUrl, authToken: env.databaseAuthToken });

/** The key-encryption key (KEY_ENCRYPTION_KEY, or its file; the demo's is created on first start). */
export function keyEncryptionFor(env: ServerEnv): KeyEncryption {
  const { encryption, generatedFile } = loadKeyEncryption(env.keyEncryption);
  if (generatedFile) {
    console.log(`created the key-encryption key ${generatedFile} (mode 0600): the signing keys in the database are sealed with it; without it they cannot sign`);
  }
  return encryption;
}

/** Seeds the demo MSP when the environment asks for it and the database is empty; says whether it did. */
async function seedIfEmpty(env: ServerEnv, database: Database): Promise<boolean> {
  const seeded = env.seedDemo && (await isEmpty(database));
  if (seeded) await seedDemo(database, systemClock());
  return seeded;
}

/**
 * Everything that must happen once per database before any instance serves: migrations (applied by
 * openDatabase), the demo seed, the first signing key. The cluster's primary runs it, so workers
 * starting together never race each other through them.
 */
export async function prepareDatabase(env: ServerEnv): Promise<{ seeded: boolean }> {
  const database = await open(env);
  try {
    const seeded = await seedIfEmpty(env, database);
    await new KeyStore(database, systemClock, { refreshSeconds: env.config.keysRefreshSeconds, keyEncryption: keyEncryptionFor(env) }).init();
    return { seeded };
  } finally {
    database.close();
  }
}

/** Opens the database (seeding it when `seed` and it is empty), builds the app and listens on HOST:PORT. */
export async function startServer(env: ServerEnv, options: { seed: boolean; httpLimits?: HttpLimits }): Promise<RunningServer> {
  const limits = options.httpLimits ?? DEFAULT_HTTP_LIMITS;
  const database = await open(env);
  try {
    const seeded = options.seed && (await seedIfEmpty(env, database));
    const deps = await createDeps({ database, clock: systemClock, config: env.config, keyEncryption: keyEncryptionFor(env) });
    // createDeps builds the key store with the default bound; KEYS_REFRESH_SECONDS applies here.
    deps.keys.refreshSeconds = env.config.keysRefreshSeconds;
    const app = createApp(deps);
    const server = await new Promise<ServerType>((resolve, reject) => {
      const serverOptions = {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        maxHeaderSize: limits.maxHeaderBytes,
        connectionsCheckingInterval: limits.checkIntervalMs,
      };
      const s = serve({ fetch: app.fetch, hostname: env.host, port: env.port, serverOptions }, () => {
        s.off('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    });
    return { url: listeningUrl(env.host, (server.address() as AddressInfo).port), seeded, server, database };
  } catch (err) {
    database.close();
    throw err;
  }
}

/** The URL to reach a server listening on `host`: a wildcard host is shown as loopback. */
export function listeningUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** What `npm start` prints once the BFF listens; `instances` names the cluster's workers. */
export function bannerLines(env: ServerEnv, url: string, seeded: boolean, instances?: { pids: number[] }): string[] {
  const accounts = Object.values(DEMO.users).map((u) => `    ${u.email}`);
  return [
    `MSP Switchboard BFF listening on ${url}`,
    ...(instances ? [`  instances: ${instances.pids.length} (node cluster, worker pids ${instances.pids.join(', ')}), one database`] : []),
    `  database: ${env.databaseUrl}${seeded ? ' (created and seeded with the demo MSP)' : ''}`,
    `  health:   ${url}/healthz`,
    `  sign in:  POST ${url}/v1/session {"email","password"}`,
    `  metadata: ${url}/.well-known/oauth-authorization-server`,
    `  keys:     ${url}/.well-known/jwks.json (private keys sealed with ${env.keyEncryption.key ? 'KEY_ENCRYPTION_KEY' : env.keyEncryption.file})`,
    `  demo accounts (password "${DEMO_PASSWORD}"):`,
    ...accounts,
    ...(env.usingDevSecret ? ['  warning: CONSOLE_CLIENT_SECRET is not set; using the development secret'] : []),
  ];
}

/** Closes the server and the database, then exits, on SIGINT or SIGTERM. */
export function stopOnSignals(running: RunningServer): void {
  const stop = () => {
    running.server.close();
    running.database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
