// Issue 20: slow clients and big input are bounded, and the server keeps answering others
// meanwhile. A real BFF (bff/start-server.ts, as `npm start` runs it) on 127.0.0.1, raw sockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpLimits } from '../bff/config';
import { readEnv } from '../bff/env';
import { startServer, type RunningServer } from '../bff/start-server';
import { errorBodySchema } from '../shared/errors';
import { oauthErrorSchema } from '../shared/oauth';

/** Short bounds, so the test need not wait for the production ones (bff/config.ts). */
const LIMITS: HttpLimits = { headersTimeoutMs: 1_500, requestTimeoutMs: 3_000, keepAliveTimeoutMs: 1_000, maxHeaderBytes: 8 * 1024, checkIntervalMs: 250 };

let dir: string;
let running: RunningServer;
let port: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-slow-'));
  const env = readEnv({ DATABASE_URL: `file:${join(dir, 'slow.db')}`, PORT: '0', SEED_DEMO: 'true' });
  running = await startServer(env, { seed: true, httpLimits: LIMITS });
  port = Number(new URL(running.url).port);
}, 60_000);
afterAll(async () => {
  (running.server as import('node:http').Server).closeAllConnections();
  await new Promise((resolve) => running.server.close(resolve));
  running.database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw connection: what it received, and a promise that settles when the server closes it. */
function rawSocket(): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => undefined); // a reset by the server is a close too
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

const healthy = async () => (await fetch(`${running.url}/healthz`, { headers: { connection: 'close' } })).status;

describe('slow and oversized requests', () => {
  it('slowloris: connections dribbling headers a byte at a time are cut off (408), while others are answered', async () => {
    const slow = await Promise.all(Array.from({ length: 20 }, rawSocket));
    for (const s of slow) s.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let dribbling = true;
    const dribble = (async () => {
      while (dribbling) {
        for (const s of slow) if (!s.socket.destroyed) s.socket.write('X');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // Meanwhile everyone else is served.
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push(await healthy());
    expect(answers.every((s) => s === 200)).toBe(true);
    // Every dribbling connection is ended by the server (no test-side timeout ends them).
    await Promise.all(slow.map((s) => s.closed));
    dribbling = false;
    await dribble;
    for (const s of slow) expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(await healthy()).toBe(200);
  }, 30_000);

  it('a request whose body never finishes is cut off, and the server keeps answering', async () => {
    const s = await rawSocket();
    s.socket.write('POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":');
    const dribble = setInterval(() => !s.socket.destroyed && s.socket.write(' '), 100);
    expect(await healthy()).toBe(200);
    await s.closed;
    clearInterval(dribble);
    expect(await healthy()).toBe(200);
  }, 30_000);

  it('an idle keep-alive connection is closed', async () => {
    const s = await rawSocket();
    s.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 200 /);
  }, 30_000);

  it('huge headers are refused with 431 and the next request is answered', async () => {
    const res = await fetch(`${running.url}/healthz`, { headers: { 'x-padding': 'a'.repeat(LIMITS.maxHeaderBytes * 2) } });
    expect(res.status).toBe(431);
    const s = await rawSocket();
    s.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n${Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'b'.repeat(40)}\r\n`).join('')}\r\n`);
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 431 /);
    expect(await healthy()).toBe(200);
  });

  it('huge bodies are refused with 413 in the documented shape, declared or streamed, on /v1 and /oauth alike', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const declared = await fetch(`${running.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: big, password: big }) });
    expect(declared.status).toBe(413);
    expect(errorBodySchema.parse(await declared.json()).error.code).toBe('invalid_request');
    // No Content-Length: the body is counted as it streams in.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(64 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${running.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(oauthErrorSchema.parse(await streamed.json()).error).toBe('invalid_request');
    expect(await healthy()).toBe(200);
  }, 30_000);
});
