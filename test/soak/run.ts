// `npm run soak`: a real BFF process (as `npm start` runs it) on a fresh database file, held under a
// mixed load for SOAK_SECONDS (default 60) at the highest rate this machine sustains, from a
// separate load-generator process (test/soak/load.ts, autocannon, SOAK_CONNECTIONS connections).
// Then every acknowledged write is looked for in the database. Prints requests served, errors by
// class, lost writes, and the server's RSS and heap before and after (after a GC). Loopback only;
// exits non-zero on any 5xx or lost write.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { DEMO } from '../../bff/db/seed';
import { startBffProcess, type BffProcess } from '../helpers/bff-process';
import { exchangeAt, sessionAt } from '../helpers/bff-http';
import { CONSOLE, basic } from '../helpers/oauth-requests';
import type { SoakLoadReport, SoakSpec } from './load';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16);
if (!(seconds > 0 && seconds <= 3600) || !(connections > 0 && connections <= 256)) throw new Error('SOAK_SECONDS: 1 to 3600; SOAK_CONNECTIONS: 1 to 256');

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Asks the BFF (through test/soak/memory-probe.ts) for its memory after a GC. */
async function memoryOf(bff: BffProcess): Promise<Memory> {
  const seen = bff.output().split('\n').filter((l) => l.startsWith('soak-memory ')).length;
  process.kill(bff.pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const lines = bff.output().split('\n').filter((l) => l.startsWith('soak-memory '));
    if (lines.length > seen) return JSON.parse(lines.at(-1)!.slice('soak-memory '.length)) as Memory;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the BFF did not report its memory');
}

async function column(file: string, sql: string): Promise<Set<string>> {
  const client = createClient({ url: `file:${file}` });
  try {
    return new Set((await client.execute(sql)).rows.map((r) => String(r[0])));
  } finally {
    client.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-soak-'));
  const file = join(dir, 'soak.db');
  const bff = await startBffProcess({
    databaseUrl: `file:${file}`,
    env: { SEED_DEMO: 'true', RATE_LIMIT_USER_PER_MINUTE: '100000000', RATE_LIMIT_IP_PER_MINUTE: '100000000' },
    nodeArgs: ['--expose-gc', '--import', 'tsx', '--import', './test/soak/memory-probe.ts'],
  });
  try {
    const session = await sessionAt(bff.url, DEMO.users.contosoAnalyst.email);
    const candidates = [DEMO.tenants.acme, DEMO.tenants.globex, ...Array.from({ length: 10 }, (_, i) => `t_c${String(i + 1).padStart(3, '0')}`)];
    const audiences: string[] = [];
    for (const a of candidates) if ((await exchangeAt(bff.url, session, a)).status === 200) audiences.push(a);
    // Warm-up, so "before" is the memory of a server that has served each route once.
    for (let i = 0; i < 20; i++) await fetch(`${bff.url}/v1/me/context`, { headers: { authorization: `Bearer ${session}` } }).then((r) => r.arrayBuffer());
    const before = await memoryOf(bff);

    const spec: SoakSpec = { url: bff.url, seconds, connections, session, consoleAuthorization: basic(CONSOLE.id, CONSOLE.secret), audiences, explainTenant: DEMO.tenants.acme };
    const specFile = join(dir, 'spec.json');
    const reportFile = join(dir, 'report.json');
    writeFileSync(specFile, JSON.stringify(spec));
    console.log(`soak: ${seconds} s, ${connections} connections, against ${bff.url} (pid ${bff.pid}), ${audiences.length} customers`);
    await run(process.execPath, ['--import', 'tsx', 'test/soak/load.ts', specFile, reportFile], { cwd: root, timeout: (seconds + 120) * 1000 });
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as SoakLoadReport;

    await new Promise((resolve) => setTimeout(resolve, 2_000)); // let in-flight work settle
    const after = await memoryOf(bff);
    const audited = await column(file, "select json_extract(detail, '$.jti') from audit_events where action = 'token.exchange' and outcome = 'success'");
    const revoked = await column(file, 'select jti from revoked_tokens');
    const lostExchanges = report.acknowledged.exchanged.filter((j) => !audited.has(j)).length;
    const lostRevocations = report.acknowledged.revoked.filter((j) => !revoked.has(j)).length;

    const byClass: Record<string, number> = {};
    for (const statuses of Object.values(report.statuses)) {
      for (const [status, n] of Object.entries(statuses)) {
        const cls = status === '0' ? 'connection' : `${status[0]}xx`;
        byClass[cls] = (byClass[cls] ?? 0) + n;
      }
    }
    const fiveXx = byClass['5xx'] ?? 0;
    const lines = [
      `requests served: ${report.requests} in ${seconds} s (${Math.round(report.perSecond)}/s average; latency p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms)`,
      `by kind and status: ${Object.entries(report.statuses)
        .map(([kind, s]) => `${kind} ${Object.entries(s).map(([st, n]) => `${st}×${n}`).join(' ')}`)
        .join('; ')}`,
      `errors by class: ${Object.entries(byClass)
        .filter(([cls]) => cls !== '2xx')
        .map(([cls, n]) => `${cls} ${n}`)
        .join(', ') || 'none'} (connection errors ${report.connectionErrors}, timeouts ${report.timeouts})`,
      `writes acknowledged: ${report.acknowledged.exchanged.length} exchanges, ${report.acknowledged.revoked.length} revocations; lost: ${lostExchanges + lostRevocations}`,
      `server memory before: RSS ${mb(before.rss)}, heap used ${mb(before.heapUsed)} of ${mb(before.heapTotal)}`,
      `server memory after:  RSS ${mb(after.rss)}, heap used ${mb(after.heapUsed)} of ${mb(after.heapTotal)} (heap ${after.heapUsed >= before.heapUsed ? '+' : ''}${mb(after.heapUsed - before.heapUsed)})`,
    ];
    console.log(lines.join('\n'));
    if (fiveXx > 0 || lostExchanges + lostRevocations > 0 || report.timeouts > 0) process.exitCode = 1;
  } finally {
    await bff.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
