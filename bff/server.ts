// `npm start`: the only file that reads the environment and opens the database.
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase } from './db/client';
import { DEMO, DEMO_PASSWORD, isEmpty, seedDemo } from './db/seed';
import { createDeps } from './deps';
import { systemClock } from './domain/clock';
import { readEnv } from './env';

async function main() {
  const env = readEnv();
  const database = await openDatabase({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  const seeded = env.seedDemo && (await isEmpty(database));
  if (seeded) await seedDemo(database, systemClock());
  const deps = await createDeps({ database, clock: systemClock, config: env.config });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
    const base = `http://${env.host === '0.0.0.0' ? '127.0.0.1' : env.host}:${info.port}`;
    const accounts = Object.values(DEMO.users).map((u) => `    ${u.email}`);
    console.log(
      [
        `MSP Switchboard BFF listening on ${base}`,
        `  database: ${env.databaseUrl}${seeded ? ' (created and seeded with the demo MSP)' : ''}`,
        `  health:   ${base}/healthz`,
        `  sign in:  POST ${base}/v1/session {"email","password"}`,
        `  metadata: ${base}/.well-known/oauth-authorization-server`,
        `  keys:     ${base}/.well-known/jwks.json`,
        `  demo accounts (password "${DEMO_PASSWORD}"):`,
        ...accounts,
        ...(env.usingDevSecret ? ['  warning: CONSOLE_CLIENT_SECRET is not set; using the development secret'] : []),
      ].join('\n'),
    );
  });
  const stop = () => {
    server.close();
    database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
