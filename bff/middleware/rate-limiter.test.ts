import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { rateLimitWindows } from '../db/schema';
import { manualClock } from '../domain/clock';
import { RateLimiter } from './rate-limiter';

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-rate-'));
  database = await openDatabase({ url: `file:${join(dir, 'rate.db')}` });
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const keys = async () => (await database.db.select({ key: rateLimitWindows.key }).from(rateLimitWindows)).map((r) => r.key).sort();

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds left, flagging the first refusal', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const limiter = new RateLimiter(database, clock);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('k', 3)).allowed).toBe(true);
    clock.advance(15_000);
    expect(await limiter.hit('k', 3)).toEqual({ allowed: false, retryAfterSeconds: 45, firstRefusal: true, key: 'k' });
    expect(await limiter.hit('k', 3)).toEqual({ allowed: false, retryAfterSeconds: 45, firstRefusal: false, key: 'k' });
    expect((await limiter.hit('other', 3)).allowed).toBe(true);
    clock.advance(45_000);
    expect((await limiter.hit('k', 3)).allowed).toBe(true);
  });

  it('aligns windows to their length, so every instance agrees where one ends', async () => {
    const clock = manualClock('2026-11-24T12:00:59.500Z');
    const limiter = new RateLimiter(database, clock);
    expect((await limiter.hit('k', 1)).allowed).toBe(true);
    expect(await limiter.hit('k', 1)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(500); // 12:01:00, a new window
    expect((await limiter.hit('k', 1)).allowed).toBe(true);
  });

  it('counts globally: two instances on one database share each window', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const other = await openDatabase({ url: `file:${join(dir, 'rate.db')}` });
    try {
      const a = new RateLimiter(database, clock);
      const b = new RateLimiter(other, clock);
      const decisions = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).hit('shared', 60)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(60);
      expect(decisions.filter((d) => !d.allowed && d.firstRefusal)).toHaveLength(1);
      expect(await a.blockedFor('shared', 60)).toBe(60);
    } finally {
      other.close();
    }
  });

  it('refuses a key it saw over its limit again without a write, and only until its window ends', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const other = await openDatabase({ url: `file:${join(dir, 'rate.db')}` });
    try {
      const a = new RateLimiter(database, clock);
      const b = new RateLimiter(other, clock);
      await a.hit('k', 2);
      await b.hit('k', 2);
      expect(await a.hit('k', 2)).toMatchObject({ allowed: false, firstRefusal: true });
      const counted = async () => (await database.db.select({ count: rateLimitWindows.count }).from(rateLimitWindows))[0]!.count;
      expect(await counted()).toBe(3);
      clock.advance(30_000);
      expect(await a.hit('k', 2)).toEqual({ allowed: false, retryAfterSeconds: 30, firstRefusal: false, key: 'k' });
      expect(await counted()).toBe(3);
      // The other instance learns of the refusal from the database.
      expect(await b.hit('k', 2)).toMatchObject({ allowed: false, firstRefusal: false });
      clock.advance(30_000);
      expect((await a.hit('k', 2)).allowed).toBe(true);
    } finally {
      other.close();
    }
  });

  it('hitAll stops at the first limit reached: later keys are neither counted nor created', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const limiter = new RateLimiter(database, clock);
    const attempt = (n: number) => limiter.hitAll([{ key: 'ip', limit: 2 }, { key: `pair:${n}`, limit: 5 }]);
    expect((await attempt(1)).allowed).toBe(true);
    expect((await attempt(2)).allowed).toBe(true);
    expect(await attempt(3)).toEqual({ allowed: false, retryAfterSeconds: 60, firstRefusal: true, key: 'ip' });
    for (let n = 4; n < 50; n++) expect(await attempt(n)).toMatchObject({ allowed: false, key: 'ip', firstRefusal: false });
    expect(await keys()).toEqual(['ip', 'pair:1', 'pair:2']);
    // A later key's own limit refuses too, after the earlier ones counted.
    const pair = () => limiter.hitAll([{ key: 'ip2', limit: 10 }, { key: 'pair', limit: 1 }]);
    expect((await pair()).allowed).toBe(true);
    expect(await pair()).toMatchObject({ allowed: false, key: 'pair', firstRefusal: true });
  });

  it('blockedFor counts nothing and answers null below the limit', async () => {
    const clock = manualClock('2026-11-24T12:00:10Z');
    const limiter = new RateLimiter(database, clock);
    expect(await limiter.blockedFor('k', 2)).toBeNull();
    expect(await keys()).toEqual([]);
    await limiter.hit('k', 2);
    expect(await limiter.blockedFor('k', 2)).toBeNull();
    await limiter.hit('k', 2);
    expect(await limiter.blockedFor('k', 2)).toBe(50);
  });

  it('never drops a live window however many keys flood in, and sweeps expired ones a bounded batch at a time', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const limiter = new RateLimiter(database, clock);
    await limiter.hit('victim', 1);
    for (let i = 0; i < 1500; i++) await limiter.hit(`flood-${i}`, 1);
    expect((await limiter.hit('victim', 1)).allowed).toBe(false);
    expect(await keys()).toHaveLength(1501);
    // Two minutes on (past the window and the grace for lagging clocks), sweeps start: at most
    // 1,000 rows each, one hit in 100.
    clock.advance(121_000);
    for (let i = 0; i < 100; i++) await limiter.hit('later', 1_000);
    // Hit 1,600 of this limiter swept 1,000 of the 1,501 expired windows; 'later' is live.
    expect(await keys()).toHaveLength(1502 - 1000);
    for (let i = 0; i < 200; i++) await limiter.hit('later', 1_000);
    expect(await keys()).toEqual(['later']);
  });
});
