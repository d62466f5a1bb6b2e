// How long the cluster waits before replacing a crashed worker: at once for a rare crash, doubling
// while a worker keeps crashing (a worker that dies on every request must not spin the CPU), capped.

export const RESTART_BASE_MS = 250;
export const RESTART_MAX_MS = 30_000;
/** Crashes older than this no longer count: a worker that ran this long is healthy again. */
export const CRASH_MEMORY_MS = 60_000;

/** The delay before the next restart of a worker slot, given the times (ms) of its crashes so far. */
export function restartDelay(crashTimes: readonly number[], now: number): number {
  const recent = crashTimes.filter((t) => now - t < CRASH_MEMORY_MS).length;
  if (recent <= 1) return RESTART_BASE_MS;
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (recent - 1));
}
