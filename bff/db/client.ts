// Opens the libSQL database (embedded file or remote server), applies migrations, and runs every
// write through one queue per database, retried while another process holds the write lock.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { BUSY_BUDGET_MS, DatabaseUnavailableError, faultName, isUnavailableError, retryWhileBusy } from './busy-retry';
import { clientHotStore, embeddedHotStore, type BatchResult, type HotStore, type Statement } from './hot-store';
import { registerHotStore } from './prepared';
import * as schema from './schema';

export { DatabaseBusyError, DatabaseUnavailableError } from './busy-retry';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction or the database itself: repository functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  /** The URL it was opened with (the demo key-encryption key lives beside an embedded file). */
  url: string;
  db: Db;
  client: Client;
  /** Runs `fn` inside a write transaction, one at a time per database, retried while the database is busy. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn`, which issues one statement or one `client.batch` (each atomic by itself, one round
   * trip, one commit), on the same queue and with the same retries as `write`. With `durable:
   * false`, an embedded file commits it without waiting for the disk (see `counterClient`).
   */
  writeAtomic<T>(fn: (client: Client) => Promise<T>, options?: { durable?: boolean }): Promise<T>;
  /**
   * The hot paths' write: `statements` in one transaction on statements prepared once (embedded
   * file) or one `client.batch` (remote), on the same queue and with the same retries as `write`.
   * `durable: false` commits with synchronous = NORMAL (docs/performance.md says what a power cut
   * can lose).
   */
  writeBatch(statements: Statement[], options?: { durable?: boolean }): Promise<BatchResult[]>;
  /** Hot reads on statements prepared once (bff/db/hot-store.ts). */
  hot: HotStore;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/**
 * How long one statement waits for the lock inside the driver. The local driver is synchronous, so
 * this wait blocks the event loop: keep it short and spend the rest of the budget in retryWhileBusy.
 */
const BUSY_TIMEOUT_MS = 100;
/** Migrations at start may wait longer for another process's writes (a release step migrating). */
const MIGRATION_BUDGET_MS = 30_000;

/** The file's identity (device and inode), or undefined when nothing is at `path`. */
function fileIdentity(path: string): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : undefined;
}

/** Whether this process may write the file (the synchronous driver would otherwise commit into a WAL beside a read-only file). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(options: { url: string; authToken?: string }): Promise<Database> {
  const local = options.url.startsWith('file:');
  const path = local ? options.url.slice('file:'.length).split('?')[0]! : '';
  if (local && path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // `timeout` is the busy timeout of every pooled connection (a PRAGMA would reach only one).
  const client = createClient({ url: options.url, authToken: options.authToken, timeout: BUSY_TIMEOUT_MS });
  // An in-memory database has one connection: no second client, no reconnect (it would be lost).
  const onDisk = local && !/:memory:|mode=memory/.test(options.url);
  // Counters (rate limits) on an embedded file commit through a connection of their own with
  // synchronous = NORMAL: in WAL mode that skips the fsync of each commit (250 µs of a 280 µs
  // upsert here), and a power cut can only forget the last increments, never corrupt the file; the
  // next commit of any other connection makes them durable too. Everything else keeps FULL.
  const counters = onDisk ? createClient({ url: options.url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 }) : undefined;
  let countersReady = false;
  const counterClient = async () => {
    if (!counters) return client;
    if (!countersReady) {
      await counters.execute('PRAGMA synchronous = NORMAL');
      countersReady = true;
    }
    return counters;
  };
  // A local statement that failed with SQLITE_BUSY stays "in progress" on its connection until it
  // is garbage-collected, and every later COMMIT there fails ("cannot commit transaction - SQL
  // statements in progress"; libsql 0.5.29): retries start on fresh connections. They start at the
  // beginning of a timer callback, when no statement of this process holds a connection (only a
  // transaction could, and every transaction goes through the queue below).
  const hot = onDisk ? embeddedHotStore(options.url.slice('file:'.length), BUSY_TIMEOUT_MS) : clientHotStore(client);
  const beforeRetry = onDisk
    ? async () => {
        await client.reconnect();
        await counters?.reconnect();
        await hot.reconnect();
        countersReady = false;
      }
    : undefined;
  // A write to a file removed (or renamed) under it would land in a file nobody will open again and
  // be lost at the next start: every write checks the file is still the one it opened, before and
  // after, and is refused (503) while it is missing; a file put back (or restored) is reopened.
  let opened: string | undefined;
  const reopen = async () => {
    await client.reconnect();
    await counters?.reconnect();
    await hot.reconnect();
    countersReady = false;
    opened = fileIdentity(path);
  };
  const checkFile = async () => {
    if (!onDisk) return;
    const now = fileIdentity(path);
    if (!now) throw new DatabaseUnavailableError(`the database file ${path} is missing`);
    if (!writable(path)) throw new DatabaseUnavailableError(`the database file ${path} is read-only`);
    if (now !== opened) await reopen();
  };
  const stillThere = () => {
    if (onDisk && fileIdentity(path) !== opened) throw new DatabaseUnavailableError(`the database file ${path} was removed or replaced during the write, which is not kept`);
  };
  let reopenBeforeNext = false;
  /** Runs one write attempt; a disk full, a read-only or vanished file, or an unreachable server becomes DatabaseUnavailableError. */
  const guarded = async <T>(attempt: () => Promise<T>): Promise<T> => {
    try {
      if (reopenBeforeNext && onDisk) {
        reopenBeforeNext = false;
        if (fileIdentity(path)) await reopen();
      }
      await checkFile();
      const result = await attempt();
      stillThere();
      return result;
    } catch (err) {
      if (!isUnavailableError(err)) throw err;
      // The connections that met the fault may keep its state: the next write starts on fresh ones.
      reopenBeforeNext = true;
      throw err instanceof DatabaseUnavailableError ? err : new DatabaseUnavailableError(faultName(err), err);
    }
  };
  const db = drizzle(client, { schema });
  registerHotStore(db, hot);
  await retryWhileBusy(
    async () => {
      // WAL is a property of the database file, so it holds for every connection.
      if (local) await client.execute('PRAGMA journal_mode = WAL');
      // libSQL opens every connection with foreign keys on; this only states it for the first one.
      await client.execute('PRAGMA foreign_keys = ON');
      await migrate(db, { migrationsFolder });
    },
    { deadline: performance.now() + MIGRATION_BUDGET_MS, beforeRetry },
  );
  if (onDisk) opened = fileIdentity(path);

  // One writer at a time in this process: concurrent write transactions on one client would only
  // wait for each other's locks. The budget counts from the request, so a write queued behind a
  // busy spell is not given a further two seconds of its own.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(attempt: () => Promise<T>): Promise<T> => {
    const deadline = performance.now() + BUSY_BUDGET_MS;
    const run = queue.then(() => guarded(() => retryWhileBusy(attempt, { deadline, beforeRetry })));
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    url: options.url,
    db,
    client,
    write: (fn) => enqueue(() => db.transaction((tx) => fn(tx))),
    writeAtomic: (fn, { durable = true } = {}) => enqueue(async () => fn(durable ? client : await counterClient())),
    writeBatch: (statements, { durable = true } = {}) => enqueue(() => hot.batch(statements, durable)),
    hot,
    close: () => {
      hot.close();
      counters?.close();
      client.close();
    },
  };
}

