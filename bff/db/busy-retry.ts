// Retrying a write while another connection holds the database's write lock. Several BFF processes
// share one database (issue 18): on an embedded file, a write that meets another process's lock
// fails with SQLITE_BUSY once the connection's short busy timeout runs out; waiting longer in the
// driver would block the event loop (the local driver is synchronous), so the rest of the wait is
// spent here, asleep, with exponential back-off and jitter ("full jitter" halved, AWS Architecture
// Blog, "Exponential Backoff And Jitter"), until a deadline.

/** How long a write may wait for the lock in all, counted from when it was asked for. */
export const BUSY_BUDGET_MS = 2000;
const FIRST_DELAY_MS = 4;
const MAX_DELAY_MS = 250;

/** The database stayed locked by other writers past the budget: answered 503 with Retry-After, never 500. */
export class DatabaseBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor(cause: unknown) {
    super(`the database stayed locked by other writers for ${BUSY_BUDGET_MS} ms; retry shortly`, { cause });
    this.name = 'DatabaseBusyError';
  }
}

/** SQLITE_BUSY or SQLITE_LOCKED (any extended code), however deeply drizzle or libSQL wrapped it. */
export function isBusyError(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if ([code, extendedCode].some((c) => typeof c === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(c))) return true;
  }
  return false;
}

export interface RetryOptions {
  /** `performance.now()` instant after which no retry starts. */
  deadline: number;
  /** Runs after each back-off, before the next attempt (the local client drops its connections there). */
  beforeRetry?: () => Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Runs `attempt` (at least once), again after each busy failure while the deadline allows; then throws DatabaseBusyError. */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { now = () => performance.now(), sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random = Math.random } = options;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusyError(err)) throw err;
      const cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** n);
      const delay = cap / 2 + (random() * cap) / 2;
      if (now() + delay > options.deadline) throw new DatabaseBusyError(err);
      await sleep(delay);
      await options.beforeRetry?.();
    }
  }
}
