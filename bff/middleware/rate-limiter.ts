// Fixed-window counters per key (user, IP, account), global across BFF instances: the counts live
// in the database (bff/db/rate-limit-windows.ts), windows are aligned to their length so every
// process agrees on which window a hit falls in, and each hit is one atomic statement.
import type { Database } from '../db/client';
import type { BatchResult, Statement } from '../db/hot-store';
import { hitStatements, windowCount } from '../db/rate-limit-windows';
import type { Clock } from '../domain/clock';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean; key: string };

export interface RateLimit {
  key: string;
  limit: number;
}

/** One hit in this many (per process) also sweeps expired windows. */
const SWEEP_EVERY = 100;
/** At most this many windows deleted per sweep (each hit adds at most one per key). */
const SWEEP_LIMIT = 1000;
/** Windows are kept this long past their end, so an instance whose clock lags still finds its own. */
const SWEEP_GRACE_MS = 60_000;
/** Bound of the memory of used-up keys below (forgetting one only costs a write). */
const MAX_REMEMBERED = 10_000;

export class RateLimiter {
  private hits = 0;
  /**
   * Keys this process saw at or over their limit, until the end of that window. A count never falls
   * within a window, so refusing a key seen over its limit again without a write lets nothing
   * through that the database would refuse, and spares the database (and the other instances
   * waiting for its lock) a write per request of a flood: refusing one cost 100 µs with the write,
   * 35 µs without.
   */
  private usedUp = new Map<string, { until: number; refused: boolean }>();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Counts one hit for `key`; over `limit` per `windowMs` says how long to wait. */
  hit(key: string, limit: number, windowMs = 60_000): Promise<RateDecision> {
    return this.hitAll([{ key, limit }], windowMs);
  }

  /**
   * Counts one hit for each limit in order, in one statement or batch, stopping at the first one exceeded: a
   * request refused by an earlier limit neither counts for nor creates the later keys.
   */
  async hitAll(limits: RateLimit[], windowMs = 60_000): Promise<RateDecision> {
    return (await this.hitAllWith(limits, () => [], windowMs)).decision;
  }

  /**
   * hitAll with `guarded(withinLimits)`'s statements in the same write batch (one commit): they
   * run after the counting and should carry `withinLimits` in their WHERE clauses, so that a request
   * over a limit writes nothing but its counts. Returns the decision and those statements' results
   * (none when refused from memory, without a write).
   */
  async hitAllWith(limits: RateLimit[], guarded: (withinLimits: Statement) => Statement[], windowMs = 60_000): Promise<{ decision: RateDecision; results: BatchResult[] }> {
    const now = this.clock().getTime();
    const windowStart = now - (now % windowMs);
    // Only the first key may answer from memory: a later one's refusal still counts the earlier keys.
    const first = limits[0]!.key;
    const known = this.usedUp.get(first);
    if (known?.refused && known.until > now) return { decision: { allowed: false, retryAfterSeconds: secondsLeft(known.until, now), firstRefusal: false, key: first }, results: [] };
    const sweep = ++this.hits % SWEEP_EVERY === 0 ? { before: now - SWEEP_GRACE_MS, limit: SWEEP_LIMIT } : undefined;
    const counting = hitStatements(
      limits.map((l) => ({ ...l, windowStart, expiresAt: windowStart + windowMs })),
      sweep,
    );
    const rest = guarded(counting.withinLimits);
    // Not durable: a power cut forgetting the last few hits only loosens one window (bff/db/client.ts).
    const all = await this.database.writeBatch([...counting.statements, ...rest], { durable: false });
    const counts = counting.countsOf(all);
    const results = all.slice(all.length - rest.length);
    for (const [i, { key, limit }] of limits.entries()) {
      const count = counts[i];
      if (count === undefined) break; // not counted: an earlier limit refused (returned above)
      if (count >= limit) this.remember(key, windowStart + windowMs, count > limit, now);
      if (count > limit) return { decision: { allowed: false, retryAfterSeconds: secondsLeft(windowStart + windowMs, now), firstRefusal: count === limit + 1, key }, results };
    }
    return { decision: { allowed: true }, results };
  }

  /** Whether this process already knows that `key` has used up its limit in the current window. Reads nothing. */
  knownUsedUp(key: string): boolean {
    return (this.usedUp.get(key)?.until ?? 0) > this.clock().getTime();
  }

  /** Seconds until `key` may try again when it has used up `limit` in its window, else null. Counts no hit. */
  async blockedFor(key: string, limit: number, windowMs = 60_000): Promise<number | null> {
    const now = this.clock().getTime();
    const windowStart = now - (now % windowMs);
    if ((await windowCount(this.database, key, windowStart)) < limit) return null;
    return secondsLeft(windowStart + windowMs, now);
  }

  private remember(key: string, until: number, refused: boolean, now: number) {
    if (this.usedUp.size >= MAX_REMEMBERED) {
      for (const [k, known] of this.usedUp) if (known.until <= now) this.usedUp.delete(k);
      // Still full of live windows: forget the oldest (Map order is insertion order).
      if (this.usedUp.size >= MAX_REMEMBERED) this.usedUp.delete(this.usedUp.keys().next().value!);
    }
    this.usedUp.delete(key);
    this.usedUp.set(key, { until, refused });
  }
}

const secondsLeft = (end: number, now: number) => Math.max(1, Math.ceil((end - now) / 1000));
