// Fixed-window counters per key (user, IP, account) in memory, bounded: past `maxKeys` the
// least recently started windows are dropped. One BFF process keeps its own counts;
// docs/decisions.md says what a scaled-out deployment needs instead.
import type { Clock } from '../domain/clock';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit for `key`; over `limit` per `windowMs` says how long to wait. */
  hit(key: string, limit: number, windowMs = 60_000): RateDecision {
    const now = this.clock().getTime();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      // Re-inserting moves the key to the end of the Map's order: the front is always the oldest.
      this.windows.delete(key);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
    }
    w.count += 1;
    if (w.count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)), firstRefusal: w.count === limit + 1 };
  }

  /** Seconds until `key` may try again when it has used up `limit` in its window, else null. Counts no hit. */
  blockedFor(key: string, limit: number, windowMs = 60_000): number | null {
    const w = this.windows.get(key);
    const now = this.clock().getTime();
    if (!w || now - w.start >= windowMs || w.count < limit) return null;
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  }

  get size() {
    return this.windows.size;
  }
}
