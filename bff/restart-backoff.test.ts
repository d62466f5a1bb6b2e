import { describe, expect, it } from 'vitest';
import { CRASH_MEMORY_MS, RESTART_BASE_MS, RESTART_MAX_MS, restartDelay } from './restart-backoff';

describe('restartDelay', () => {
  const now = 1_000_000;

  it('restarts a worker that crashed once after the base delay', () => {
    expect(restartDelay([now], now)).toBe(RESTART_BASE_MS);
  });

  it('doubles with every further crash within the last minute, up to the cap', () => {
    const crashes = (n: number) => Array.from({ length: n }, (_, i) => now - i * 1000);
    expect([2, 3, 4, 5].map((n) => restartDelay(crashes(n), now))).toEqual([2, 4, 8, 16].map((k) => k * RESTART_BASE_MS));
    expect(restartDelay(crashes(20), now)).toBe(RESTART_MAX_MS);
  });

  it('forgets crashes older than a minute', () => {
    const old = Array.from({ length: 10 }, (_, i) => now - CRASH_MEMORY_MS - i);
    expect(restartDelay([...old, now], now)).toBe(RESTART_BASE_MS);
  });
});
