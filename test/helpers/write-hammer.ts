// One of two processes hammering writes at one database file (test/busy-database.test.ts):
//   node --import tsx test/helpers/write-hammer.ts <database url> <tag> <writes> <start at, epoch ms> [hold ms]
// At the start instant it runs <writes> audited write transactions and as many rate-limit hits on
// one shared key, all at once. With [hold ms] it first holds the write lock that long in one
// transaction, as a long write elsewhere would (a migration, a seed, a slow disk), so the other
// process's writes meet a lock held past the driver's busy timeout. Prints one JSON line: how many
// writes and hits succeeded, how long they took, and every error.
import { openDatabase } from '../../bff/db/client';
import { recordAudit } from '../../bff/db/audit';
import { systemClock } from '../../bff/domain/clock';
import { RateLimiter } from '../../bff/middleware/rate-limiter';

const [url, tag, writes, startAt, holdMs] = process.argv.slice(2);
const database = await openDatabase({ url: url! });
const limiter = new RateLimiter(database, systemClock);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));

const started = Date.now();
const errors: string[] = [];
const fail = (err: unknown) => errors.push(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
const hold = Number(holdMs ?? 0)
  ? database
      .write(async (tx) => {
        await recordAudit(tx, { at: new Date(), action: 'test.hammer.hold', outcome: 'success', reason: tag });
        await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
      })
      .catch(fail)
  : undefined;
let written = 0;
let counted = 0;
await Promise.all([
  hold,
  ...Array.from({ length: Number(writes) }, (_, i) => [
    database.write((tx) => recordAudit(tx, { at: new Date(), action: 'test.hammer', outcome: 'success', reason: `${tag}-${i}` })).then(() => written++, fail),
    limiter.hit('test:hammer', Number.MAX_SAFE_INTEGER).then(() => counted++, fail),
  ]).flat(),
]);
console.log(JSON.stringify({ tag, written, counted, ms: Date.now() - started, errors: [...new Set(errors)], errorCount: errors.length }));
database.close();
