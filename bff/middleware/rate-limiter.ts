// Fixed-window counters per key (user, IP) in memory. One BFF process keeps its own counts;
// docs/decisions.md says what a scaled-out deployment needs instead.
import type { Clock } from '../domain/clock';

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts one hit for `key`; returns the seconds to wait when over `limit` per `windowMs`. */
  hit(key: string, limit: number, windowMs = 60_000): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock().getTime();
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(now, windowMs);
    }
    w.count += 1;
    if (w.count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}
