// The hot paths' statements, prepared once. @libsql/client prepares a statement's SQL again on every
// execute() over an embedded file (about 100 µs for a point read here, against 10 µs on a prepared
// statement of the synchronous `libsql` package it wraps). So an embedded file gets one extra
// connection of that package for hot reads and hot write batches; a remote database (or an
// in-memory one, which a second connection would not see) goes through @libsql/client as before.
// Both sit behind the one interface below.
import Libsql from 'libsql';
import type { Client, InValue } from '@libsql/client';

export type Row = Record<string, unknown>;
export interface Statement {
  sql: string;
  args: InValue[];
}
export interface BatchResult {
  changes: number;
  rows: Row[];
}

export interface HotStore {
  /** The first row of a read, or undefined. */
  get(sql: string, args: InValue[]): Promise<Row | undefined>;
  all(sql: string, args: InValue[]): Promise<Row[]>;
  /**
   * Runs the statements in one write transaction (one commit) and returns each one's changes and
   * rows. With `durable: false` an embedded file commits with synchronous = NORMAL (WAL: no fsync).
   * Call through Database.writeBatch, which queues and retries it.
   */
  batch(statements: Statement[], durable: boolean): Promise<BatchResult[]>;
  /** Drops the connection (after a busy failure: its failed statement would block every commit). */
  reconnect(): Promise<void>;
  close(): void;
}

type LibsqlDatabase = InstanceType<typeof Libsql>;
type LibsqlStatement = ReturnType<LibsqlDatabase['prepare']>;

/** An embedded file through one synchronous connection, every statement prepared once. */
export function embeddedHotStore(path: string, busyTimeoutMs: number): HotStore {
  let db: LibsqlDatabase | undefined;
  let statements = new Map<string, LibsqlStatement>();
  let synchronous: 'FULL' | 'NORMAL' | undefined;
  const connection = () => (db ??= new Libsql(path, { timeout: busyTimeoutMs }));
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection().prepare(sql)));
    return statement;
  };
  const clean = (row: Row | undefined) => {
    if (row) delete row._metadata;
    return row;
  };
  return {
    get: async (sql, args) => clean(prepared(sql).get(args) as Row | undefined),
    all: async (sql, args) => prepared(sql).all(args) as Row[],
    async batch(list, durable) {
      const conn = connection();
      // synchronous is a setting of the connection, so it is set here, on the one that commits.
      const wanted = durable ? 'FULL' : 'NORMAL';
      if (synchronous !== wanted) {
        conn.exec(`PRAGMA synchronous = ${wanted}`);
        synchronous = wanted;
      }
      // Synchronous from BEGIN to COMMIT: no other request's read can run on this connection
      // inside the transaction and see what it has not committed yet.
      conn.exec('BEGIN IMMEDIATE');
      try {
        const results = list.map(({ sql, args }): BatchResult => {
          const statement = prepared(sql);
          if (statement.reader) {
            // A statement with RETURNING: its rows are the rows it changed.
            const rows = statement.all(args) as Row[];
            return { changes: rows.length, rows };
          }
          return { changes: Number(statement.run(args).changes), rows: [] };
        });
        conn.exec('COMMIT');
        return results;
      } catch (err) {
        if (conn.inTransaction) conn.exec('ROLLBACK');
        throw err;
      }
    },
    async reconnect() {
      db?.close();
      db = undefined;
      statements = new Map();
      synchronous = undefined;
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}

/** A remote (or in-memory) database through its @libsql/client. */
export function clientHotStore(client: Client): HotStore {
  const rowsOf = (rows: ArrayLike<unknown>) => Array.from(rows, (r) => ({ ...(r as Row) }));
  return {
    get: async (sql, args) => rowsOf((await client.execute({ sql, args })).rows)[0],
    all: async (sql, args) => rowsOf((await client.execute({ sql, args })).rows),
    async batch(list) {
      const results = await client.batch(list, 'write');
      return results.map((r) => ({ changes: r.rowsAffected, rows: rowsOf(r.rows) }));
    },
    reconnect: async () => undefined,
    close: () => undefined,
  };
}
