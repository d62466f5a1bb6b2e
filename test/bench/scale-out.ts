// `npm run bench:scale-out`: the BFF as deployed (its own processes, one database file) with one
// process, then the node cluster with 1 and with 2 workers, under the same load from a separate
// load-generator process; prints a markdown table side by side. Tune with BENCH_SECONDS (per
// scenario and setup, default 5) and BENCH_CONNECTIONS (default 8).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KeyStore } from '../../bff/auth/key-store';
import { openDatabase, type Database } from '../../bff/db/client';
import { recordAudit } from '../../bff/db/audit';
import { recordSwitch } from '../../bff/db/grants';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../../bff/db/seed';
import { systemClock } from '../../bff/domain/clock';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { freePort, startBffProcess, type BffProcess } from '../helpers/bff-process';
import { addLargePartnerAnalyst, LARGE_ANALYST } from '../helpers/large-partner';
import type { LoadReport, LoadSpec } from './http-load';

const run = promisify(execFile);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const CUSTOMERS = 10_000;
const root = join(import.meta.dirname, '..', '..');

interface Setup {
  name: string;
  entry: 'bff/server.ts' | 'bff/cluster.ts';
  instances?: number;
}
const SETUPS: Setup[] = [
  { name: '1 process (`npm start`)', entry: 'bff/server.ts' },
  { name: 'cluster, 1 worker', entry: 'bff/cluster.ts', instances: 1 },
  { name: 'cluster, 2 workers', entry: 'bff/cluster.ts', instances: 2 },
];

interface Scenario {
  name: string;
  spec: (url: string) => Omit<LoadSpec, 'connections' | 'durationMs'>;
}

/** One load run in its own process (so the generator never shares the server's event loop). */
async function load(spec: LoadSpec): Promise<LoadReport> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'http-load.ts'), JSON.stringify(spec)], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as LoadReport;
}

/** The database alone: an exchange's write transaction (last access, recents, audit), back to back. */
async function writesPerSecond(database: Database, durationMs: number): Promise<number> {
  const grant = { id: DEMO.grants.acme, userId: DEMO.users.contosoAnalyst.id, customerId: DEMO.tenants.acme };
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < durationMs) {
    await database.write(async (tx) => {
      const at = new Date();
      await recordSwitch(tx, grant, at);
      await recordAudit(tx, { at, action: 'token.exchange', outcome: 'success', actorUserId: grant.userId, tenantId: grant.customerId, ip: '127.0.0.1', reason: 'bench' });
    });
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

async function signIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { session_token: string }).session_token;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-scale-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const port = await freePort();
  const env = {
    SEED_DEMO: 'false',
    ISSUER: `http://127.0.0.1:${port}`,
    RATE_LIMIT_USER_PER_MINUTE: String(1e9),
    RATE_LIMIT_IP_PER_MINUTE: String(1e9),
  };
  let writeCeiling: number;
  {
    const database = await openDatabase({ url: databaseUrl });
    await seedDemo(database, systemClock());
    await addLargePartnerAnalyst(database, CUSTOMERS, systemClock());
    await new KeyStore(database, systemClock).init();
    writeCeiling = await writesPerSecond(database, seconds * 1000);
    database.close();
  }

  // Session tokens outlive the servers: the keys are in the database and the issuer is fixed.
  let tokens: { analyst: string; large: string; etag: string } | undefined;
  const scenarios: Scenario[] = [
    {
      name: `GET /v1/me/context, ${4 + DEMO.generatedCustomers} customers (gzip)`,
      spec: (url) => ({ url: `${url}/v1/me/context`, headers: { authorization: `Bearer ${tokens!.analyst}`, 'accept-encoding': 'gzip' } }),
    },
    {
      name: `GET /v1/me/context, ${4 + DEMO.generatedCustomers} customers, revalidated (304)`,
      spec: (url) => ({ url: `${url}/v1/me/context`, headers: { authorization: `Bearer ${tokens!.analyst}`, 'accept-encoding': 'gzip', 'if-none-match': tokens!.etag }, ok: [304] }),
    },
    {
      name: `GET /v1/me/context, ${CUSTOMERS.toLocaleString('en')} customers (gzip)`,
      spec: (url) => ({ url: `${url}/v1/me/context`, headers: { authorization: `Bearer ${tokens!.large}`, 'accept-encoding': 'gzip' } }),
    },
    {
      name: 'POST /oauth/token (exchange, audited write)',
      spec: (url) => ({
        url: `${url}/oauth/token`,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: TOKEN_EXCHANGE_GRANT,
          client_id: 'switchboard-extension',
          subject_token: tokens!.analyst,
          subject_token_type: ACCESS_TOKEN_TYPE,
          audience: DEMO.tenants.acme,
        }).toString(),
      }),
    },
  ];

  console.log(`MSP Switchboard scale-out benchmark: ${seconds}s per cell after 1s warm-up, ${connections} keep-alive connections from a separate process, ${availableParallelism()} CPUs, Node ${process.version}\n`);
  const results: LoadReport[][] = [];
  for (const setup of SETUPS) {
    let bff: BffProcess | undefined;
    try {
      bff = await startBffProcess({ databaseUrl, entry: setup.entry, port, env: { ...env, ...(setup.instances ? { INSTANCES: String(setup.instances) } : {}) } });
      tokens ??= {
        analyst: await signIn(bff.url, DEMO.users.contosoAnalyst.email, DEMO_PASSWORD),
        large: await signIn(bff.url, LARGE_ANALYST.email, LARGE_ANALYST.password),
        etag: '',
      };
      // The exchanges of the previous setup changed the context (last access, recents): tag it anew.
      const res = await fetch(`${bff.url}/v1/me/context`, { headers: { authorization: `Bearer ${tokens.analyst}`, 'accept-encoding': 'gzip' } });
      await res.arrayBuffer();
      tokens.etag = res.headers.get('etag')!;
      const column: LoadReport[] = [];
      for (const scenario of scenarios) {
        const report = await load({ ...scenario.spec(bff.url), connections, durationMs: seconds * 1000 });
        if (report.errors) throw new Error(`${setup.name}, ${scenario.name}: unexpected answers ${JSON.stringify(report.statuses)}`);
        column.push(report);
        console.error(`${setup.name} | ${scenario.name}: ${report.perSecond.toFixed(0)} ops/s, p99 ${report.p99Ms.toFixed(1)} ms`);
      }
      results.push(column);
    } finally {
      await bff?.close();
    }
  }

  const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const header = ['scenario', ...SETUPS.map((s) => `${s.name}: ops/s (p99 ms)`), '2 workers vs 1 process'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| --- | ${header.slice(1).map(() => '---:').join(' | ')} |`);
  scenarios.forEach((scenario, i) => {
    const cells = results.map((column) => `${fmt(column[i]!.perSecond)} (${fmt(column[i]!.p99Ms, 1)})`);
    const ratio = results[2]![i]!.perSecond / results[0]![i]!.perSecond;
    console.log(`| ${scenario.name} | ${cells.join(' | ')} | ${ratio.toFixed(2)}x |`);
  });
  console.log(`\ndatabase alone (same file, one process, no HTTP): ${fmt(writeCeiling)} exchange write transactions/s, one after another`);
  rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
