// Global setup of the e2e project: picks two free ports for the BFF and the console, builds the
// real extension (Chrome MV3 and Firefox) for those URLs, and hands both to the tests.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

export interface E2eSetup {
  bffPort: number;
  consolePort: number;
  chromeDir: string;
  firefoxDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eSetup;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export default async function setup(project: TestProject) {
  const [bffPort, consolePort] = [await freePort(), await freePort()];
  const outDir = mkdtempSync(join(tmpdir(), 'switchboard-extension-'));
  const env = { ...process.env, NODE_ENV: 'production', WXT_BFF_URL: `http://127.0.0.1:${bffPort}`, WXT_CONSOLE_URL: `http://127.0.0.1:${consolePort}`, WXT_OUT_DIR: outDir };
  const wxt = join(project.config.root, 'node_modules', '.bin', 'wxt');
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    await promisify(execFile)(wxt, args, { env, cwd: project.config.root, maxBuffer: 16 * 1024 * 1024 });
  }
  project.provide('e2e', { bffPort, consolePort, chromeDir: join(outDir, 'chrome-mv3'), firefoxDir: join(outDir, 'firefox-mv2') });
  return () => rmSync(outDir, { recursive: true, force: true });
}
