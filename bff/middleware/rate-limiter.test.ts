import { describe, expect, it } from 'vitest';
import { manualClock } from '../domain/clock';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then refuses with the seconds left, flagging the first refusal', () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const limiter = new RateLimiter(clock);
    for (let i = 0; i < 3; i++) expect(limiter.hit('k', 3).allowed).toBe(true);
    clock.advance(15_000);
    expect(limiter.hit('k', 3)).toEqual({ allowed: false, retryAfterSeconds: 45, firstRefusal: true });
    expect(limiter.hit('k', 3)).toEqual({ allowed: false, retryAfterSeconds: 45, firstRefusal: false });
    expect(limiter.hit('other', 3).allowed).toBe(true);
    clock.advance(45_000);
    expect(limiter.hit('k', 3).allowed).toBe(true);
  });

  it('stays within maxKeys by dropping the oldest windows', () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const limiter = new RateLimiter(clock, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`ip-${i}`, 1);
    expect(limiter.size).toBe(100);
    expect(limiter.hit('ip-999', 1).allowed).toBe(false);
    expect(limiter.hit('ip-0', 1).allowed).toBe(true);
  });
});
