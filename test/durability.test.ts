// Issue 20, durability under concurrency. libSQL on a local file answers concurrent write
// transactions with SQLITE_BUSY and a naive read-then-write loses updates (shared/RECIPES.md); the
// BFF serialises its writes. Proven here over real HTTP against a real BFF process:
//  - 200 concurrent writers (sign-ins, exchanges, revocations) each succeed or get a clear 409 or
//    429, never a 500 or SQLITE_BUSY, and the final state equals a serial replay of the accepted
//    operations on a copy of the starting database;
//  - a BFF killed with SIGKILL in the middle of a write burst restarts on the same file with nothing
//    half-written and every acknowledged write present.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../bff/db/seed';
import { errorBodySchema } from '../shared/errors';
import { oauthErrorSchema } from '../shared/oauth';
import { startBffProcess, type BffProcess } from './helpers/bff-process';
import { exchangeAt, introspectAt, revokeAt, sessionAt, signInAt, type HttpReply } from './helpers/bff-http';

const T = DEMO.tenants;
const U = DEMO.users;
const WRITERS = 200;
/**
 * Exchanges are limited per user per minute; this proof is about writes, so that limit is lifted.
 * One issuer for every process on a file (they listen on different ports): tokens outlive them.
 */
const ENV = { RATE_LIMIT_USER_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000', ISSUER: 'http://localhost:8787' };
const SIGN_IN_USERS = Object.values(U).map((u) => u.email);

type Op =
  | { kind: 'sign-in'; email: string }
  | { kind: 'exchange'; who: 'contoso' | 'fabrikam'; audience: string }
  | { kind: 'revoke'; token: number };

/** Reads a database file as anyone would, with no BFF code in between. */
async function query(file: string, sql: string): Promise<string[]> {
  const client = createClient({ url: `file:${file}` });
  try {
    return (await client.execute(sql)).rows.map((r) => Object.values(r).map(String).join('|'));
  } finally {
    client.close();
  }
}

/** The state the operations decide, without what differs from run to run (ids, instants, new jtis). */
async function normalisedState(file: string) {
  return {
    audited: (await query(file, "select action, actor_user_id, tenant_id from audit_events where outcome = 'success'")).sort(),
    revoked: (await query(file, 'select jti from revoked_tokens')).sort(),
    recents: (await query(file, 'select user_id, tenant_id from recents')).sort(),
    grantsUsed: (await query(file, 'select id, last_access_at is not null from access_grants')).sort(),
    knownAddresses: (await query(file, 'select user_id, address_key from known_addresses')).sort(),
    keys: (await query(file, 'select kid, retired_at is null from signing_keys')).sort(),
  };
}

const copyDatabase = (from: string, to: string) => {
  for (const suffix of ['', '-wal', '.kek']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
};

describe(`${WRITERS} concurrent writers over HTTP`, () => {
  let dir: string;
  let file: string;
  let replayFile: string;
  let bff: BffProcess;
  let sessions: Record<'contoso' | 'fabrikam', string>;
  /** Customer tokens issued before the burst, revoked during it. */
  let toRevoke: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-durability-'));
    file = join(dir, 'live.db');
    mkdirSync(join(dir, 'replay'));
    replayFile = join(dir, 'replay', 'replay.db');
    const setup = await startBffProcess({ databaseUrl: `file:${file}`, env: { ...ENV, SEED_DEMO: 'true' } });
    sessions = { contoso: await sessionAt(setup.url, U.contosoAnalyst.email), fabrikam: await sessionAt(setup.url, U.fabrikamAnalyst.email) };
    toRevoke = [];
    for (let i = 0; i < 50; i++) toRevoke.push((await exchangeAt(setup.url, sessions.contoso, T.acme)).body.access_token);
    await setup.close();
    // The starting state, kept for the serial replay.
    copyDatabase(file, replayFile);
    bff = await startBffProcess({ databaseUrl: `file:${file}`, env: ENV });
  }, 90_000);
  afterAll(async () => {
    await bff?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ops: Op[] = Array.from({ length: WRITERS }, (_, i): Op => {
    if (i % 4 === 0) return { kind: 'sign-in', email: SIGN_IN_USERS[(i / 4) % SIGN_IN_USERS.length]! };
    if (i % 4 === 1) return { kind: 'exchange', who: 'contoso', audience: [T.acme, T.globex, 't_c001', 't_c002'][i % 3]! };
    if (i % 4 === 2) return { kind: 'exchange', who: 'fabrikam', audience: T.wayne };
    return { kind: 'revoke', token: (i - 3) / 4 };
  });

  const perform = (base: string, op: Op): Promise<HttpReply> =>
    op.kind === 'sign-in' ? signInAt(base, op.email) : op.kind === 'exchange' ? exchangeAt(base, sessions[op.who], op.audience) : revokeAt(base, sessions.contoso, toRevoke[op.token]!);

  it('each one succeeds or is refused with a clear 409 or 429; the final state equals a serial replay of the accepted ones', async () => {
    const replies = await Promise.all(ops.map((op) => perform(bff.url, op)));
    await bff.close();

    const unexpected = replies.map((r, i) => ({ op: ops[i], status: r.status, body: r.body })).filter((r) => ![200, 409, 429].includes(r.status));
    expect(unexpected).toEqual([]);
    for (const r of replies.filter((r) => r.status !== 200)) {
      expect(errorBodySchema.safeParse(r.body).success || oauthErrorSchema.safeParse(r.body).success, JSON.stringify(r.body)).toBe(true);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const accepted = ops.filter((_, i) => replies[i]!.status === 200);
    const tally = (kind: Op['kind']) => accepted.filter((o) => o.kind === kind).length;
    // The burst exercised every kind of write (sign-ins are limited per account and address, so
    // some of them are refused; exchanges and revocations are not).
    expect({ exchanges: tally('exchange'), revocations: tally('revoke') }).toEqual({ exchanges: 100, revocations: 50 });
    expect(tally('sign-in')).toBeGreaterThan(0);

    // Every accepted write is there: each issued jti audited once, each revoked token listed.
    const issued = replies.flatMap((r, i) => (ops[i]!.kind === 'exchange' && r.status === 200 ? [String(decodeJwt(r.body.access_token).jti)] : []));
    const auditedJtis = await query(file, "select json_extract(detail, '$.jti') from audit_events where action = 'token.exchange' and outcome = 'success'");
    for (const jti of issued) expect(auditedJtis.filter((j) => j === jti)).toHaveLength(1);
    const revokedJtis = new Set(await query(file, 'select jti from revoked_tokens'));
    for (const op of accepted) if (op.kind === 'revoke') expect(revokedJtis.has(String(decodeJwt(toRevoke[op.token]!).jti))).toBe(true);
    expect(await query(file, 'pragma integrity_check')).toEqual(['ok']);

    // The same accepted operations, one at a time, on a copy of the starting database.
    const replay = await startBffProcess({ databaseUrl: `file:${replayFile}`, env: ENV });
    try {
      for (const op of accepted) {
        const r = await perform(replay.url, op);
        expect({ op, status: r.status }).toEqual({ op, status: 200 });
      }
    } finally {
      await replay.close();
    }
    const [live, serial] = [await normalisedState(file), await normalisedState(replayFile)];
    expect(live.audited.length).toBeGreaterThan(150);
    expect(live).toEqual(serial);
  }, 120_000);
});

describe('a BFF killed with SIGKILL in the middle of a write burst', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-sigkill-'));
    file = join(dir, 'killed.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts on the same file with nothing half-written and every acknowledged write present', async () => {
    const first = await startBffProcess({ databaseUrl: `file:${file}`, env: { ...ENV, SEED_DEMO: 'true' } });
    const session = await sessionAt(first.url, U.contosoAnalyst.email);
    const toRevoke: string[] = [];
    for (let i = 0; i < 40; i++) toRevoke.push((await exchangeAt(first.url, session, T.acme)).body.access_token);

    const ackedExchanges: string[] = [];
    const ackedRevocations: string[] = [];
    let killed = false;
    let sent = 0;
    // 24 writers in a loop, exchanges and revocations interleaved, until the process dies.
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const n = sent++;
        const revoke = n % 3 === 0 && n / 3 < toRevoke.length;
        try {
          const r = revoke ? await revokeAt(first.url, session, toRevoke[n / 3]!) : await exchangeAt(first.url, session, [T.acme, T.globex, `t_c00${1 + (w % 8)}`][i % 3]!);
          if (r.status === 200 && !killed) {
            if (revoke) ackedRevocations.push(String(decodeJwt(toRevoke[n / 3]!).jti));
            else ackedExchanges.push(String(decodeJwt(r.body.access_token).jti));
          }
        } catch {
          return; // the connection died with the process: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 24 }, (_, w) => writer(w));
    while (ackedExchanges.length < 150) await new Promise((r) => setTimeout(r, 5));
    process.kill(first.pid, 'SIGKILL');
    killed = true;
    await Promise.all(writers);
    await first.close();
    expect(existsSync(`${file}-wal`)).toBe(true); // killed: nothing was checkpointed on the way out

    const second = await startBffProcess({ databaseUrl: `file:${file}`, env: ENV });
    try {
      expect(await query(file, 'pragma integrity_check')).toEqual(['ok']);
      expect(await query(file, 'pragma foreign_key_check')).toEqual([]);
      const audited = new Set(await query(file, "select json_extract(detail, '$.jti') from audit_events where action = 'token.exchange' and outcome = 'success'"));
      expect(ackedExchanges.filter((j) => !audited.has(j))).toEqual([]);
      const revoked = new Set(await query(file, 'select jti from revoked_tokens'));
      expect(ackedRevocations.filter((j) => !revoked.has(j))).toEqual([]);
      expect(ackedRevocations.length).toBeGreaterThan(0);
      // Nothing half-written: each exchange's transaction wrote its grant's last access and the
      // user's recents along with its audit row, or wrote none of them.
      const halfWritten = await query(
        file,
        `select a.id from audit_events a join access_grants g on g.id = json_extract(a.detail, '$.grant_id')
         left join recents r on r.user_id = a.actor_user_id and r.tenant_id = a.tenant_id
         where a.action = 'token.exchange' and a.outcome = 'success' and (g.last_access_at is null or g.last_access_at < a.at or r.switched_at is null or r.switched_at < a.at)`,
      );
      expect(halfWritten).toEqual([]);
      // The restarted BFF honours what the killed one acknowledged.
      const revokedToken = toRevoke.find((t) => ackedRevocations.includes(String(decodeJwt(t).jti)))!;
      expect((await introspectAt(second.url, revokedToken)).body).toEqual({ active: false });
      expect((await exchangeAt(second.url, session, T.acme)).status).toBe(200);
    } finally {
      await second.close();
    }
  }, 120_000);
});
