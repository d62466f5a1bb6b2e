// Issue 20, faults: the database file removed from under a running BFF, and its disk full. The
// BFF answers 503 with the documented JSON error and Retry-After (never 500), recovers without a
// restart when the database is back, and loses no acknowledged write. A real BFF process; the full
// disk is a real, small tmpfs, so that part needs the right to mount (root), and says so when skipped.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../bff/db/seed';
import { errorBodySchema } from '../shared/errors';
import { oauthErrorSchema } from '../shared/oauth';
import { startBffProcess, type BffProcess } from './helpers/bff-process';
import { exchangeAt, sessionAt, signInAt, type HttpReply } from './helpers/bff-http';

const T = DEMO.tenants;
const U = DEMO.users;
const ENV = { RATE_LIMIT_USER_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000', ISSUER: 'http://localhost:8787' };

function expectUnavailable(r: HttpReply, oauth: boolean) {
  expect(r.status, JSON.stringify(r.body)).toBe(503);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  if (oauth) expect(oauthErrorSchema.parse(r.body).error).toBe('temporarily_unavailable');
  else expect(errorBodySchema.parse(r.body).error.code).toBe('unavailable');
}

async function auditedJtis(file: string): Promise<Set<string>> {
  const client = createClient({ url: `file:${file}` });
  try {
    const rows = await client.execute("select json_extract(detail, '$.jti') as jti from audit_events where action = 'token.exchange' and outcome = 'success'");
    return new Set(rows.rows.map((r) => String(r.jti)));
  } finally {
    client.close();
  }
}

/** After the fault: a fresh process on the same file finds every acknowledged exchange, and the file intact. */
async function expectAllAcknowledged(file: string, acked: string[]) {
  const again = await startBffProcess({ databaseUrl: `file:${file}`, env: ENV });
  try {
    const audited = await auditedJtis(file);
    expect(acked.filter((j) => !audited.has(j))).toEqual([]);
    const client = createClient({ url: `file:${file}` });
    expect((await client.execute('pragma integrity_check')).rows[0]![0]).toBe('ok');
    client.close();
  } finally {
    await again.close();
  }
}

describe('the database file removed from under a running BFF', () => {
  let dir: string;
  let file: string;
  let bff: BffProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-faults-'));
    file = join(dir, 'live.db');
    bff = await startBffProcess({ databaseUrl: `file:${file}`, env: { ...ENV, SEED_DEMO: 'true' } });
  }, 60_000);
  afterAll(async () => {
    await bff?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while it is gone, serves again once it is back, and keeps every acknowledged write', async () => {
    const session = await sessionAt(bff.url, U.contosoAnalyst.email);
    const acked: string[] = [];
    const exchange = async () => {
      const r = await exchangeAt(bff.url, session, T.acme);
      if (r.status === 200) acked.push(String(decodeJwt(r.body.access_token).jti));
      return r;
    };
    expect((await exchange()).status).toBe(200);

    // An operator's mistake, an unmounted volume: the path no longer leads to the database.
    renameSync(file, `${file}.away`);
    expectUnavailable(await exchange(), true);
    expectUnavailable(await signInAt(bff.url, U.contosoAnalyst.email), false);
    // Reads of what it already holds still answer; nothing answers 500.
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);

    renameSync(`${file}.away`, file);
    // The same process, no restart: writes go through again.
    expect((await exchange()).status).toBe(200);
    expect((await signInAt(bff.url, U.contosoAnalyst.email)).status).toBe(200);
    await bff.close();
    expect(acked).toHaveLength(2);
    await expectAllAcknowledged(file, acked);
  }, 60_000);
});

/** Mounts a tmpfs of `megabytes` at a new directory (Linux, root). */
function mountSmallDisk(megabytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
  return dir;
}

const canMount = process.platform === 'linux' && process.getuid?.() === 0;
if (!canMount) console.log('disk-full fault skipped: mounting a small tmpfs needs root on Linux');

describe.skipIf(!canMount)('the disk under the database full', () => {
  let bff: BffProcess;
  let disk: string;
  let file: string;
  let filler: string;
  beforeAll(async () => {
    disk = mountSmallDisk(16);
    file = join(disk, 'data', 'live.db');
    filler = join(disk, 'filler');
    mkdirSync(join(disk, 'data'));
    bff = await startBffProcess({ databaseUrl: `file:${file}`, env: { ...ENV, SEED_DEMO: 'true' } });
  }, 60_000);
  afterAll(async () => {
    await bff?.close();
    if (!disk) return;
    execFileSync('umount', ['--lazy', disk]); // lazy: a closed libSQL handle may linger until collected
    rmSync(disk, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After once a write cannot grow the file, serves again once space is freed, and keeps every acknowledged write', async () => {
    const session = await sessionAt(bff.url, U.contosoAnalyst.email);
    const acked: string[] = [];
    const statuses = new Set<number>();
    const exchange = async () => {
      const r = await exchangeAt(bff.url, session, T.acme);
      statuses.add(r.status);
      if (r.status === 200) acked.push(String(decodeJwt(r.body.access_token).jti));
      return r;
    };
    expect((await exchange()).status).toBe(200);

    // Fill the disk to the last byte.
    const chunk = Buffer.alloc(64 * 1024);
    try {
      for (;;) appendFileSync(filler, chunk);
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    // Writes may still fit in pages the files already hold; keep writing until one cannot.
    let refused: HttpReply | undefined;
    for (let i = 0; i < 2_000 && !refused; i++) {
      const r = await exchange();
      if (r.status !== 200) refused = r;
    }
    expectUnavailable(refused!, true);
    expect([...statuses].sort()).toEqual([200, 503]);
    expectUnavailable(await signInAt(bff.url, U.contosoAnalyst.email), false);
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);

    rmSync(filler);
    const before = acked.length;
    expect((await exchange()).status).toBe(200);
    expect((await signInAt(bff.url, U.contosoAnalyst.email)).status).toBe(200);
    expect(acked.length).toBe(before + 1);
    await bff.close();
    await expectAllAcknowledged(file, acked);
  }, 120_000);
});

const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.log('read-only fault skipped: running the BFF as another user needs root');

describe.skipIf(!asRoot)('the database file put back read-only', () => {
  let dir: string;
  let file: string;
  let bff: BffProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-readonly-'));
    chownSync(dir, NOBODY.uid, NOBODY.gid);
    file = join(dir, 'live.db');
    // Not root, so that permissions bind it as they bind a deployed BFF.
    bff = await startBffProcess({ databaseUrl: `file:${file}`, env: { ...ENV, SEED_DEMO: 'true' }, user: NOBODY });
  }, 60_000);
  afterAll(async () => {
    await bff?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the file and its folder cannot be written, and serves again once they can', async () => {
    const session = await sessionAt(bff.url, U.contosoAnalyst.email);
    const acked: string[] = [];
    const exchange = async () => {
      const r = await exchangeAt(bff.url, session, T.acme);
      if (r.status === 200) acked.push(String(decodeJwt(r.body.access_token).jti));
      return r;
    };
    expect((await exchange()).status).toBe(200);

    // Moved away (the BFF refuses writes and will reopen the file), then put back read-only, as a
    // restore with the wrong permissions would.
    renameSync(file, `${file}.away`);
    expectUnavailable(await exchange(), true);
    renameSync(`${file}.away`, file);
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      expectUnavailable(await exchange(), true);
      expectUnavailable(await signInAt(bff.url, U.contosoAnalyst.email), false);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
    }
    expect((await exchange()).status).toBe(200);
    expect((await signInAt(bff.url, U.contosoAnalyst.email)).status).toBe(200);
    await bff.close();
    expect(acked).toHaveLength(2);
    await expectAllAcknowledged(file, acked);
  }, 60_000);
});
