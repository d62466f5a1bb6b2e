// Opens the libSQL database (embedded file or remote server), applies migrations, and
// serialises writes: concurrent write transactions on one local file fail with SQLITE_BUSY
// rather than wait (shared/RECIPES.md), so this process runs them one at a time.
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
  // `timeout` is the busy timeout of every pooled connection (a PRAGMA would reach only one). The
  // local driver is synchronous, so a wait blocks the event loop: keep it short. One process writes
  // an embedded file (docs/decisions.md).
  const client = createClient({ url: options.url, authToken: options.authToken, timeout: 1000 });
  // WAL is a property of the database file, so it holds for every connection.
  if (options.url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  // libSQL opens every connection with foreign keys on; this only states it for the first one.
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
