// A real BFF in its own process, as an operator starts it (`node --import tsx bff/server.ts`, or the
// cluster): a given database and environment, a free port on 127.0.0.1, ready once /healthz answers,
// stopped (SIGTERM, then SIGKILL) on close.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface BffProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  close(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; the child binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startBffProcess(options: {
  databaseUrl: string;
  /** Further environment (ISSUER, SEED_DEMO, limits…); ISSUER defaults to the process's own URL. */
  env?: Record<string, string>;
  /** bff/server.ts (one process, the default) or bff/cluster.ts (INSTANCES workers). */
  entry?: 'bff/server.ts' | 'bff/cluster.ts';
  port?: number;
  /** Node options before the entry (e.g. `--expose-gc`, `--import` of a probe). */
  nodeArgs?: string[];
  /** Run as this user and group (the test runner must be root): file permissions then apply to it. */
  user?: { uid: number; gid: number };
}): Promise<BffProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry ?? 'bff/server.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ISSUER: url, DATABASE_URL: options.databaseUrl, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.user,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };

  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await close();
    throw err;
  }
  return { url, pid: child.pid!, output: () => output, close };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`BFF exited before it was ready:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    // The cluster prints its banner once every worker listens; one answering worker is not enough.
    if (ok && /listening on/.test(output())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`BFF not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`);
}
