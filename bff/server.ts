// `npm start`: one BFF process. Reads the environment, then starts the server (bff/start-server.ts,
// shared with `npm run cluster`).
import { readEnv } from './env';
import { bannerLines, startServer, stopOnSignals } from './start-server';

async function main() {
  const env = readEnv();
  const running = await startServer(env, { seed: true });
  console.log(bannerLines(env, running.url, running.seeded).join('\n'));
  stopOnSignals(running);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
