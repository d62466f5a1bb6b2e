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
  readonly retryAfterSeconds: number = 1;
  constructor(cause: unknown) {
    super(`the database stayed locked by other writers for ${BUSY_BUDGET_MS} ms; retry shortly`, { cause });
    this.name = 'DatabaseBusyError';
  }
}

/**
 * The database cannot take the request at all: its disk is full, its file is read-only, missing or
 * replaced, or a remote server is out of reach. Answered like a busy database (503 with
 * Retry-After, never 500; it is a DatabaseBusyError so every handler that answers busy answers this
 * too), and the next request tries again on fresh connections: it recovers without a restart.
 */
export class DatabaseUnavailableError extends DatabaseBusyError {
  override readonly retryAfterSeconds = 5;
  constructor(reason: string, cause?: unknown) {
    super(cause);
    this.message = `the database is unavailable (${reason}); retry shortly`;
    this.name = 'DatabaseUnavailableError';
  }
}

const UNAVAILABLE_SQLITE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|NOTADB|CORRUPT|PROTOCOL|PERM)/;
/** Remote libSQL (Hrana over HTTP or WebSocket) and socket failures, and a connection closed under a read. */
const UNAVAILABLE_REMOTE = /^(SERVER_ERROR|HRANA_WEBSOCKET_ERROR|HRANA_CLOSED_ERROR|HRANA_PROTO_ERROR|CLIENT_CLOSED|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|EAI_AGAIN|UND_ERR_\w+)$/;

/** Whether `err` (however wrapped) says the database is out of reach or cannot be written, rather than that a query is wrong. */
export function isUnavailableError(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if ([code, extendedCode].some((c) => typeof c === 'string' && (UNAVAILABLE_SQLITE.test(c) || UNAVAILABLE_REMOTE.test(c)))) return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

/** The busy or unavailable database behind `err`, as the DatabaseBusyError to answer 503 with; undefined for any other failure. */
export function asDatabaseBusy(err: unknown): DatabaseBusyError | undefined {
  if (err instanceof DatabaseBusyError) return err;
  if (isUnavailableError(err)) return new DatabaseUnavailableError(faultName(err), err);
  return undefined;
}

/** A short name for the fault behind `err`, for the error message and the log. */
export function faultName(err: unknown): string {
  for (let e = err, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'SQLITE_ERROR') return code === 'SQLITE_FULL' ? 'disk full' : code;
  }
  return 'unreachable';
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
