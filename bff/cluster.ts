// `npm run cluster`: INSTANCES BFF workers (default one per CPU) on this machine, sharing one
// listening socket through node's own cluster module and one database. The primary serves nothing:
// it prepares the database once (migrations, seed, first key) so workers never race each other
// through them, forks the workers, replaces a crashed one with back-off, and stops them all on
// SIGINT or SIGTERM. Every piece of shared state lives in the database (docs/scaling.md).
import cluster, { type Worker } from 'node:cluster';
import { readEnv } from './env';
import { restartDelay } from './restart-backoff';
import { bannerLines, listeningUrl, prepareDatabase, startServer, stopOnSignals } from './start-server';

const STOP_GRACE_MS = 5_000;

async function runPrimary() {
  const env = readEnv();
  const { seeded } = await prepareDatabase(env);
  const workers = new Map<number, Worker>();
  const crashes: number[][] = Array.from({ length: env.instances }, () => []);
  const timers = new Set<NodeJS.Timeout>();
  const listening = new Set<number>();
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const t of timers) clearTimeout(t);
    if (workers.size === 0) process.exit(code);
    for (const w of workers.values()) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of workers.values()) w.process.kill('SIGKILL');
      process.exit(code);
    }, STOP_GRACE_MS).unref();
  };

  const fork = (slot: number) => {
    const worker = cluster.fork();
    workers.set(slot, worker);
    worker.once('listening', (address) => {
      listening.add(slot);
      if (announced) {
        console.log(`instance ${slot + 1}: worker ${worker.process.pid} listening again`);
      } else if (listening.size === env.instances) {
        announced = true;
        const pids = [...workers.values()].map((w) => w.process.pid!);
        console.log(bannerLines(env, listeningUrl(env.host, address.port), seeded, { pids }).join('\n'));
      }
    });
    worker.once('exit', (code, signal) => {
      workers.delete(slot);
      const why = signal ? `signal ${signal}` : `code ${code}`;
      if (stopping) {
        if (workers.size === 0) process.exit(exitCode);
        return;
      }
      if (!announced) {
        // A worker that cannot start once (port taken, database unreachable) will not start again.
        console.error(`instance ${slot + 1}: worker ${worker.process.pid} exited before listening (${why}); stopping`);
        stopAll(1);
        return;
      }
      crashes[slot]!.push(Date.now());
      const delay = restartDelay(crashes[slot]!, Date.now());
      console.error(`instance ${slot + 1}: worker ${worker.process.pid} exited (${why}); restarting in ${delay} ms`);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) fork(slot);
      }, delay);
      timers.add(timer);
    });
  };

  for (let slot = 0; slot < env.instances; slot++) fork(slot);
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}

async function runWorker() {
  const running = await startServer(readEnv(), { seed: false });
  stopOnSignals(running);
}

(cluster.isPrimary ? runPrimary() : runWorker()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
