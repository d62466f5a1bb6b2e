// Drizzle builds a statement's SQL on every call (about 0.2 ms for a three-table join); hot
// look-ups prepare theirs once per database handle instead.
import type { Tx } from './client';
import type { HotStore } from './hot-store';

const caches = new WeakMap<object, Map<string, unknown>>();

export function preparedOnce<T>(db: Tx, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (!statement) cache.set(key, (statement = build()));
  return statement;
}

// The hot store of a database, found from its drizzle handle: repository functions keep taking a
// `Tx`, and take the prepared path only when handed the database itself (inside a transaction they
// must read through the transaction's own connection).
const hotStores = new WeakMap<object, HotStore>();

export function registerHotStore(db: Tx, store: HotStore) {
  hotStores.set(db, store);
}

export function hotStoreOf(db: Tx): HotStore | undefined {
  return hotStores.get(db);
}
