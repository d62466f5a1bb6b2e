import { describe, expect, it } from 'vitest';
import { asDatabaseBusy, BUSY_BUDGET_MS, DatabaseBusyError, DatabaseUnavailableError, isBusyError, isUnavailableError, retryWhileBusy } from './busy-retry';

const busy = (code = 'SQLITE_BUSY', extendedCode = code) => Object.assign(new Error(`${code}: database is locked`), { code, extendedCode });

/** A fake time line: sleeping advances it, nothing waits for real. */
function fakeTime() {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)), sleeps };
}

describe('isBusyError', () => {
  it('recognises SQLITE_BUSY and SQLITE_LOCKED with any extended code, wrapped or not', () => {
    expect(isBusyError(busy())).toBe(true);
    expect(isBusyError(busy('SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isBusyError(busy('SQLITE_LOCKED'))).toBe(true);
    expect(isBusyError(new Error('Failed query: insert …', { cause: busy() }))).toBe(true);
    expect(isBusyError(busy('SQLITE_CONSTRAINT'))).toBe(false);
    expect(isBusyError(new Error('database is locked'))).toBe(false);
    expect(isBusyError('SQLITE_BUSY')).toBe(false);
  });
});

describe('retryWhileBusy', () => {
  it('retries a busy attempt with growing, jittered back-off until it succeeds', async () => {
    const time = fakeTime();
    let calls = 0;
    let reconnects = 0;
    const result = await retryWhileBusy(
      async () => {
        if (++calls < 5) throw busy();
        return 'written';
      },
      { deadline: BUSY_BUDGET_MS, ...time, random: () => 1, beforeRetry: async () => void reconnects++ },
    );
    expect(result).toBe('written');
    expect(time.sleeps).toEqual([4, 8, 16, 32]);
    expect(reconnects).toBe(4);
  });

  it('keeps each delay between half and all of its cap, the cap at 250 ms', async () => {
    const low = fakeTime();
    await expect(retryWhileBusy(() => Promise.reject(busy()), { deadline: BUSY_BUDGET_MS, ...low, random: () => 0 })).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(low.sleeps.slice(0, 8)).toEqual([2, 4, 8, 16, 32, 64, 125, 125]);
    const high = fakeTime();
    await expect(retryWhileBusy(() => Promise.reject(busy()), { deadline: BUSY_BUDGET_MS, ...high, random: () => 1 })).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(Math.max(...high.sleeps)).toBe(250);
  });

  it('gives up before the deadline with DatabaseBusyError, carrying the last busy error and a Retry-After', async () => {
    const time = fakeTime();
    const last = busy();
    const err = await retryWhileBusy(() => Promise.reject(last), { deadline: BUSY_BUDGET_MS, ...time, random: Math.random }).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect(err.cause).toBe(last);
    expect(err.retryAfterSeconds).toBe(1);
    expect(time.now()).toBeLessThanOrEqual(BUSY_BUDGET_MS);
    expect(time.now()).toBeGreaterThan(BUSY_BUDGET_MS - 250);
  });

  it('always makes one attempt, even past the deadline, and rethrows anything but busy at once', async () => {
    const time = fakeTime();
    expect(await retryWhileBusy(async () => 1, { deadline: -1, ...time })).toBe(1);
    let calls = 0;
    const constraint = busy('SQLITE_CONSTRAINT');
    await expect(
      retryWhileBusy(
        async () => {
          calls++;
          throw constraint;
        },
        { deadline: BUSY_BUDGET_MS, ...time },
      ),
    ).rejects.toBe(constraint);
    expect(calls).toBe(1);
    expect(time.sleeps).toEqual([]);
  });
});

describe('a database that cannot be reached or written', () => {
  const wrapped = (inner: Error) => Object.assign(new Error('Failed query: insert into …'), { cause: inner });

  it('is told apart from a wrong query, however deeply wrapped', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'ECONNREFUSED', 'HRANA_WEBSOCKET_ERROR']) {
      expect(isUnavailableError(wrapped(busy(code))), code).toBe(true);
    }
    expect(isUnavailableError(wrapped(new TypeError('fetch failed')))).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_MISMATCH']) expect(isUnavailableError(wrapped(busy(code))), code).toBe(false);
    expect(isUnavailableError(new TypeError('x is undefined'))).toBe(false);
  });

  it('is answered as a busy database (503, Retry-After), any other failure is not', () => {
    const full = asDatabaseBusy(wrapped(busy('SQLITE_FULL')));
    expect(full).toBeInstanceOf(DatabaseUnavailableError);
    expect(full).toBeInstanceOf(DatabaseBusyError);
    expect(full!.message).toMatch(/disk full/);
    expect(full!.retryAfterSeconds).toBeGreaterThan(0);
    const locked = new DatabaseBusyError(busy());
    expect(asDatabaseBusy(locked)).toBe(locked);
    expect(asDatabaseBusy(wrapped(busy('SQLITE_CONSTRAINT')))).toBeUndefined();
  });
});
