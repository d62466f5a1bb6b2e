// `npm run cluster` as an operator runs it: workers on one port and one database file, a crashed
// worker replaced, all of them stopped by one SIGTERM, and a worker that cannot start stopping it all.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBffProcess } from '../test/helpers/bff-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(probe: () => boolean | Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run cluster', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-cluster-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves from INSTANCES workers, replaces a crashed one, and stops them all on SIGTERM', async () => {
    const bff = await startBffProcess({ databaseUrl: `file:${join(dir, 'cluster.db')}`, entry: 'bff/cluster.ts', env: { INSTANCES: '2' } });
    try {
      expect(bff.output()).toMatch(/created and seeded with the demo MSP/);
      const pids = /worker pids (\d+), (\d+)/.exec(bff.output())!.slice(1).map(Number);
      expect(pids.every(alive)).toBe(true);

      process.kill(pids[0]!, 'SIGKILL');
      await until(() => /listening again/.test(bff.output()), 10_000);
      expect(bff.output()).toMatch(new RegExp(`worker ${pids[0]} exited \\(signal SIGKILL\\); restarting in \\d+ ms`));
      const replacement = Number(/worker (\d+) listening again/.exec(bff.output())![1]);
      expect(alive(replacement)).toBe(true);
      // Sign-ins keep working on the shared port, whichever worker takes them.
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${bff.url}/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'analyst@contoso-msp.example', password: 'switchboard-demo' }),
        });
        expect(res.status).toBe(200);
      }

      await bff.close();
      await until(() => !alive(pids[1]!) && !alive(replacement), 5_000);
    } finally {
      await bff.close();
    }
  });

  it('stops with an error when a worker cannot start (the port is taken)', async () => {
    const port = await freePort();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bff/cluster.ts'], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), INSTANCES: '2', DATABASE_URL: `file:${join(dir, 'taken.db')}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toMatch(/exited before listening/);
    } finally {
      squatter.close();
    }
  });
});
