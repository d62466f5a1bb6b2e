// Issue 20: writes colliding across processes. Two BFF processes on one database file meet each
// other's write lock; a write waits for it (bounded back-off, bff/db/busy-retry.ts) instead of
// failing with SQLITE_BUSY, and a lock held past the budget is answered 503 with Retry-After.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Transaction } from '@libsql/client';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../bff/db/client';
import { auditEvents, rateLimitWindows } from '../bff/db/schema';
import { DEMO, DEMO_PASSWORD } from '../bff/db/seed';
import { errorBodySchema } from '../shared/errors';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { startTestWorld, type TestWorld } from './helpers/test-server';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

interface HammerReport {
  tag: string;
  written: number;
  counted: number;
  ms: number;
  errors: string[];
}

/** Runs test/helpers/write-hammer.ts in its own process; resolves with its report. */
async function hammer(url: string, tag: string, writes: number, startAt: number, holdMs = 0): Promise<HammerReport> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/helpers/write-hammer.ts', url, tag, String(writes), String(startAt), String(holdMs)], {
    cwd: root,
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as HammerReport;
}

describe('two processes writing to one database file', () => {
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-busy-'));
    url = `file:${join(dir, 'shared.db')}`;
    (await openDatabase({ url })).close(); // migrated once, as the release step would
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const totals = async () => {
    const database = await openDatabase({ url });
    try {
      const [written] = await database.db.select({ n: sql<number>`count(*)` }).from(auditEvents).where(eq(auditEvents.action, 'test.hammer'));
      const [counted] = await database.db.select({ n: sql<number>`coalesce(sum(${rateLimitWindows.count}), 0)` }).from(rateLimitWindows).where(eq(rateLimitWindows.key, 'test:hammer'));
      return { written: Number(written!.n), counted: Number(counted!.n) };
    } finally {
      database.close();
    }
  };

  it('loses no write and lets no SQLITE_BUSY escape: a burst from both at once, then a lock held past the driver\'s busy timeout', async () => {
    // Process start-up (tsx) takes a moment: both begin at one agreed instant.
    const burst = 500;
    let startAt = Date.now() + 3_000;
    const together = await Promise.all([hammer(url, 'A', burst, startAt), hammer(url, 'B', burst, startAt)]);
    // A holds the lock for 1.3 s (a long write elsewhere: a migration, a seed, a slow disk) while B's
    // writes arrive: past the driver's busy timeout, inside the retry budget (2 s).
    const held = 150;
    startAt = Date.now() + 3_000;
    const blocked = await Promise.all([hammer(url, 'C', held, startAt, 1_300), hammer(url, 'D', held, startAt + 50)]);
    for (const report of [...together, ...blocked]) {
      expect(report.errors, report.tag).toEqual([]);
      const n = report.tag < 'C' ? burst : held;
      expect({ tag: report.tag, written: report.written, counted: report.counted }).toEqual({ tag: report.tag, written: n, counted: n });
    }
    // D really waited for C's lock.
    expect(blocked[1]!.ms).toBeGreaterThan(1_000);
    expect(await totals()).toEqual({ written: 2 * burst + 2 * held, counted: 2 * burst + 2 * held });
  }, 60_000);
});

describe('a database kept locked past the retry budget', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld();
  });
  afterAll(() => world.close());

  /** Another connection (as another process would) holds the write lock for `ms`. */
  async function holdLock(ms: number): Promise<{ released: Promise<void> }> {
    const other = createClient({ url: world.databaseUrl });
    const tx: Transaction = await other.transaction('write');
    await tx.execute("insert into revoked_tokens (jti, expires_at, revoked_at) values ('lock-holder', 0, 0)");
    const released = new Promise<void>((resolve) =>
      setTimeout(async () => {
        await tx.rollback();
        other.close();
        resolve();
      }, ms),
    );
    return { released };
  }

  const signIn = () =>
    fetch(`${world.baseUrl}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD }),
    });
  const exchange = (session: string) =>
    fetch(`${world.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: session, subject_token_type: ACCESS_TOKEN_TYPE, audience: DEMO.tenants.acme }),
    });

  it('answers 503 with Retry-After, never 500: the /v1 envelope and the OAuth error alike, the refusal unaudited', async () => {
    const session = await world.signIn(DEMO.users.contosoAnalyst.email);
    const auditedBefore = await world.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure')));
    const { released } = await holdLock(3_000);
    const [v1, oauth] = await Promise.all([signIn(), exchange(session)]);
    expect(v1.status).toBe(503);
    expect(v1.headers.get('retry-after')).toBe('1');
    expect(errorBodySchema.parse(await v1.json()).error.code).toBe('unavailable');
    expect(oauth.status).toBe(503);
    expect(oauth.headers.get('retry-after')).toBe('1');
    expect(oauth.headers.get('cache-control')).toBe('no-store');
    expect(((await oauth.json()) as { error: string }).error).toBe('temporarily_unavailable');
    await released;
    const auditedAfter = await world.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure')));
    expect(auditedAfter).toHaveLength(auditedBefore.length);
    // Once the lock is gone, the same requests go through.
    expect((await signIn()).status).toBe(200);
    expect((await exchange(session)).status).toBe(200);
  }, 20_000);

  it('waits for a lock released within the budget, and the request succeeds', async () => {
    const { released } = await holdLock(700);
    const started = Date.now();
    const res = await signIn();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    await released;
  }, 20_000);
});
