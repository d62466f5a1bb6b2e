// Opens the libSQL database (embedded file or remote server), applies migrations, and
// serialises writes: @libsql/client ignores busy_timeout on local files, so concurrent
// write transactions on one client fail with SQLITE_BUSY (see shared/RECIPES.md).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction or the database itself: repository functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  client: Client;
  /** Runs `fn` inside a write transaction, one at a time per database. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: { url: string; authToken?: string }): Promise<Database> {
  if (options.url.startsWith('file:')) {
    const path = options.url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url: options.url, authToken: options.authToken });
  if (options.url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    // WAL + NORMAL never corrupts the file; a power cut may drop the last commits (SQLite docs).
    await client.execute('PRAGMA synchronous = NORMAL');
    // The driver is synchronous: a wait here blocks the event loop. One process writes (docs/decisions.md).
    await client.execute('PRAGMA busy_timeout = 1000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });

  let queue: Promise<unknown> = Promise.resolve();
  const write = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const run = queue.then(() => db.transaction((tx) => fn(tx)));
    queue = run.catch(() => undefined);
    return run;
  };
  return { db, client, write, close: () => client.close() };
}
