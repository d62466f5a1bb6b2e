// The counters behind bff/middleware/rate-limiter.ts, kept in the database so that every BFF
// instance counts against one limit. Each hit is one atomic upsert (no read-then-write, which
// loses updates under concurrency: shared/RECIPES.md); several keys of one request, and the
// occasional sweep, go in one batch: one transaction, one commit, one round trip.
import { getTableName } from 'drizzle-orm';
import type { BatchResult, Statement } from './hot-store';
import type { Database } from './client';
import { rateLimitWindows as t } from './schema';

export interface WindowHit {
  key: string;
  /** Epoch ms, aligned to the window's length. */
  windowStart: number;
  /** Epoch ms at which the window ends. */
  expiresAt: number;
  limit: number;
}

const table = getTableName(t);
const [key, start, expires, count] = [t.key.name, t.windowStart.name, t.expiresAt.name, t.count.name];
const UPSERT_TAIL = `on conflict (${key}, ${start}) do update set ${count} = ${count} + 1 returning ${count}`;
const COUNT_OF = `select ${count} from ${table} where ${key} = ? and ${start} = ?`;
/** Counts one hit; returns the window's count with it. */
const UPSERT = `insert into ${table} (${key}, ${start}, ${expires}, ${count}) values (?, ?, ?, 1) ${UPSERT_TAIL}`;
/** Counts one hit only while the earlier keys of the request are within their limits; returns no row otherwise. */
const upsertIfWithin = (earlier: number) =>
  `insert into ${table} (${key}, ${start}, ${expires}, ${count}) select ?, ?, ?, 1 where ` +
  Array.from({ length: earlier }, () => `coalesce((${COUNT_OF}), 0) <= ?`).join(' and ') +
  ` ${UPSERT_TAIL}`;
/** Bounded work: at most `limit` expired windows per sweep, found through the expiry index. */
const SWEEP = `delete from ${table} where rowid in (select rowid from ${table} where ${expires} < ? limit ?)`;

/**
 * Counts one hit for each key in order, each only while every earlier key is within its limit (a
 * request refused by one limit neither counts for nor creates the later ones). Returns each key's
 * count, or undefined where it was not counted. With `sweep`, also deletes up to `sweep.limit`
 * windows that expired before `sweep.before`.
 */
export async function countHits(database: Database, hits: WindowHit[], sweep?: { before: number; limit: number }): Promise<(number | undefined)[]> {
  const counting = hitStatements(hits, sweep);
  // Not durable: a power cut forgetting the last few hits only loosens one window (bff/db/client.ts).
  return counting.countsOf(await database.writeBatch(counting.statements, { durable: false }));
}

/**
 * countHits as statements to put at the head of another write batch (one commit for the counting
 * and the write it guards), with `withinLimits`: a condition (for a WHERE clause) that holds only
 * while every key is within its limit after this hit, so the statements after it write nothing
 * for a request over a limit. `countsOf` reads the counts from that batch's results.
 */
export function hitStatements(hits: WindowHit[], sweep?: { before: number; limit: number }) {
  const statements: Statement[] = hits.map((hit, i) => ({
    sql: i === 0 ? UPSERT : upsertIfWithin(i),
    args: [hit.key, hit.windowStart, hit.expiresAt, ...hits.slice(0, i).flatMap((e) => [e.key, e.windowStart, e.limit])],
  }));
  if (sweep) statements.push({ sql: SWEEP, args: [sweep.before, sweep.limit] });
  const withinLimits: Statement = {
    sql: hits.map(() => `coalesce((${COUNT_OF}), 0) <= ?`).join(' and '),
    args: hits.flatMap((e) => [e.key, e.windowStart, e.limit]),
  };
  const countsOf = (results: BatchResult[]) =>
    hits.map((_, i) => {
      const value = results[i]!.rows[0]?.[count];
      return value === undefined || value === null ? undefined : Number(value);
    });
  return { statements, withinLimits, countsOf };
}

/** The count of `key`'s window starting at `windowStart` (0 when it has none). Counts nothing. */
export async function windowCount(database: Database, key: string, windowStart: number): Promise<number> {
  const row = await database.hot.get(COUNT_OF, [key, windowStart]);
  return Number(row?.[count] ?? 0);
}
