// `npm run bench`: the BFF's hot paths as deployed (bff/server.ts in its own process, on the scale
// dataset's file), each beside the baseline it is judged against, all measured in the same run by
// the same load generator (autocannon, in a process of its own, loopback only). Medians of several
// rounds; one table: workload, figure, baseline, ratio, target, pass/fail.
// Tune with BENCH_SECONDS (per run, default 4), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
// (default 8), BENCH_DB (default bff/.data/bench-scale.db, generated when missing, older than a day
// or BENCH_FRESH=1), BENCH_PROFILE=1 (the BFF writes a CPU profile to bff/.data/profiles on exit),
// BENCH_ONLY=explain,exchange (those rows and the baselines they are judged against; a targeted run).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { startBffProcess } from '../helpers/bff-process';
import { analystId, clientId, contosoClientId, FULL_SCALE, SCALE_ANALYST } from '../helpers/scale-dataset';
import { DEMO_PASSWORD } from '../../bff/db/seed';
import type { CannonReport, CannonRequest, CannonSpec } from './autocannon-worker';
import type { Baseline } from './baselines';
import { freshScaleDataset } from './dataset';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DB = resolve(process.env.BENCH_DB ?? join(root, 'bff', '.data', 'bench-scale.db'));
const PROFILE_DIR = join(root, 'bff', '.data', 'profiles');
const DAY_MS = 24 * 3600_000;
const VARIETY = 400;

interface Workload {
  name: string;
  origin: () => string;
  requests: CannonRequest[];
  connections: number;
  /** Statuses that count as answered. */
  expect: number[];
}

interface Row {
  workload: string;
  /** 'rate': requests per second (higher is better); 'p99': ms (lower is better). */
  figure: 'rate' | 'p99';
  baseline?: string;
  target?: { ratio?: number; p99Ms?: number };
  /** Why a row has no target. */
  untargeted?: string;
  /** What the time goes to when it misses (from profiles; docs/performance.md). */
  whyMissed?: string;
}

/** mulberry32 */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function dataset() {
  const stale = !existsSync(DB) || process.env.BENCH_FRESH === '1' || Date.now() - statSync(DB).mtimeMs > DAY_MS;
  if (stale) {
    const s = await freshScaleDataset(DB);
    return `generated ${s.tenants.toLocaleString('en')} tenants, ${s.grants.toLocaleString('en')} grants in ${(s.ms / 1000).toFixed(1)} s, ${(s.bytes / 1e6).toFixed(0)} MB`;
  }
  return `reused (${(statSync(DB).size / 1e6).toFixed(0)} MB; BENCH_FRESH=1 regenerates it)`;
}

async function startBaselines(issuer: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'baselines.ts'), DB, issuer], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const origins = await new Promise<Record<Baseline, string>>((resolveOrigins, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolveOrigins(JSON.parse(line) as Record<Baseline, string>);
    });
    child.once('exit', (code) => reject(new Error(`baselines exited with ${code}`)));
  });
  return { origins, close: () => child.kill('SIGTERM') };
}

async function cannon(spec: CannonSpec): Promise<CannonReport> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  try {
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'autocannon-worker.ts'), file], { cwd: root, maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as CannonReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function signIn(bff: string, email: string): Promise<string> {
  const res = await fetch(`${bff}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { session_token: string }).session_token;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(`MSP Switchboard bench: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), autocannon from its own process, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s, medians`);
  console.log(`scale dataset ${DB}: ${await dataset()}`);
  if (process.env.BENCH_PROFILE === '1') mkdirSync(PROFILE_DIR, { recursive: true });
  const bff = await startBffProcess({
    databaseUrl: `file:${DB}`,
    env: {
      SEED_DEMO: 'false',
      // Switching back and forth between random customers is the workload here, not an attack.
      RATE_LIMIT_USER_PER_MINUTE: '1000000000',
      RATE_LIMIT_IP_PER_MINUTE: '1000000000',
    },
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line.
    ...(process.env.BENCH_PROFILE === '1' ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  });
  const baselines = await startBaselines(bff.url);
  try {
    const random = prng(19);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    // The scale analyst (10,000 customers) and analysts of random partners (1,000 each).
    const people = [{ id: SCALE_ANALYST.id, email: SCALE_ANALYST.email, partner: -1 }];
    for (let i = 0; i < 11; i++) {
      const p = Math.floor(random() * FULL_SCALE.partners);
      const a = Math.floor(random() * FULL_SCALE.analystsPerPartner);
      people.push({ id: analystId(p, a), email: `analyst${a}@p${p}.scale.example`, partner: p });
    }
    const sessions = await Promise.all(people.map(async (person) => ({ ...person, token: await signIn(bff.url, person.email) })));
    const customerOf = (partner: number) =>
      partner < 0 ? contosoClientId(Math.floor(random() * FULL_SCALE.contosoClients)) : clientId(partner, Math.floor(random() * FULL_SCALE.clientsPerPartner));
    /** A random analyst and a customer of theirs; one in ten times another partner's client (denied, or not found). */
    const pairs = Array.from({ length: VARIETY }, () => {
      const s = pick(sessions);
      const foreign = random() < 0.1;
      const tenant = customerOf(foreign ? (s.partner + 1) % FULL_SCALE.partners : s.partner);
      return { session: s, tenant, grant: `g_${s.id.slice(2)}_${tenant.slice(2)}` };
    });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const scale = sessions[0]!;
    const gz = { 'accept-encoding': 'gzip' };
    const first = await fetch(`${bff.url}/v1/me/context`, { headers: { ...bearer(scale.token), ...gz } });
    if (first.status !== 200) throw new Error(`context: ${first.status}`);
    const context = await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const exchangeBody = (token: string, tenant: string) =>
      new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, audience: tenant }).toString();

    const o = baselines.origins;
    const workloads: Record<string, Workload> = {
      nodeHttp: { name: 'bare node:http', origin: () => o.nodeHttp, requests: [{ path: '/' }], connections: CONNECTIONS, expect: [200] },
      hono: { name: 'bare Hono', origin: () => o.hono, requests: [{ path: '/' }], connections: CONNECTIONS, expect: [200] },
      honoPointQuery: { name: 'Hono + one raw libSQL point query (prepared, same file)', origin: () => o.honoPointQuery, requests: pairs.map((p) => ({ path: `/grant/${p.grant}` })), connections: CONNECTIONS, expect: [200] },
      honoJose: { name: 'Hono + one jose ES256 verify + one sign', origin: () => o.honoJose, requests: [{ path: '/' }], connections: CONNECTIONS, expect: [200] },
      authNoop: { name: 'authenticated no-op route (session check only)', origin: () => o.authNoop, requests: sessions.map((s) => ({ path: '/', headers: bearer(s.token) })), connections: CONNECTIONS, expect: [200] },
      authPointQuery: { name: 'Hono + session check + one raw point query', origin: () => o.authPointQuery, requests: pairs.map((p) => ({ path: `/grant/${p.grant}`, headers: bearer(p.session.token) })), connections: CONNECTIONS, expect: [200] },
      context304: { name: 'GET /v1/me/context, 10,000 customers, unchanged (If-None-Match: 304)', origin: () => bff.url, requests: [{ path: '/v1/me/context', headers: { ...bearer(scale.token), ...gz, 'if-none-match': etag } }], connections: CONNECTIONS, expect: [304] },
      contextFull: { name: `GET /v1/me/context, 10,000 customers, whole list (gzip, ${(context.byteLength / 1024).toFixed(0)} KB), one client`, origin: () => bff.url, requests: [{ path: '/v1/me/context', headers: { ...bearer(scale.token), ...gz } }], connections: 1, expect: [200] },
      explain: { name: 'GET /v1/access/explain, random users and tenants, with a permission', origin: () => bff.url, requests: pairs.map((p) => ({ path: `/v1/access/explain?tenant=${p.tenant}&permission=Incident_View`, headers: bearer(p.session.token) })), connections: CONNECTIONS, expect: [200] },
      entitlements: { name: 'GET /v1/tenants/:id/entitlements, random users and tenants', origin: () => bff.url, requests: pairs.map((p) => ({ path: `/v1/tenants/${p.tenant}/entitlements`, headers: bearer(p.session.token) })), connections: CONNECTIONS, expect: [200, 404] },
      exchange: {
        name: 'POST /oauth/token, random switches (audited)',
        origin: () => bff.url,
        // Not the scale analyst: every switch changes their context (recents, last access), and the
        // whole-list row measures it unchanged.
        requests: pairs.filter((p) => p.session.id !== SCALE_ANALYST.id).map((p) => ({ path: '/oauth/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: exchangeBody(p.session.token, p.tenant) })),
        connections: CONNECTIONS,
        // 400 invalid_target: a pending relationship, an expired grant, another partner's client.
        expect: [200, 400],
      },
    };
    const rows: (Row & { key: keyof typeof workloads })[] = [
      { key: 'nodeHttp', workload: workloads.nodeHttp!.name, figure: 'rate', untargeted: 'baseline: the machinery alone' },
      { key: 'hono', workload: workloads.hono!.name, figure: 'rate', baseline: 'nodeHttp', untargeted: 'baseline: the machinery alone' },
      { key: 'honoPointQuery', workload: workloads.honoPointQuery!.name, figure: 'rate', baseline: 'hono', untargeted: 'baseline: the machinery alone' },
      { key: 'honoJose', workload: workloads.honoJose!.name, figure: 'rate', baseline: 'hono', untargeted: 'baseline: the machinery alone' },
      { key: 'authNoop', workload: workloads.authNoop!.name, figure: 'rate', baseline: 'hono', untargeted: "baseline: the BFF's own session check" },
      { key: 'authPointQuery', workload: workloads.authPointQuery!.name, figure: 'rate', baseline: 'authNoop', untargeted: "baseline: the BFF's own session check" },
      { key: 'context304', workload: workloads.context304!.name, figure: 'rate', baseline: 'authNoop', target: { ratio: 0.7 }, whyMissed: 'a 304 costs the session check plus one version read: see docs/performance.md' },
      { key: 'contextFull', workload: workloads.contextFull!.name, figure: 'p99', target: { p99Ms: 60 }, whyMissed: 'a rebuild of 10,000 entries after a change, or the bytes on the wire' },
      { key: 'explain', workload: workloads.explain!.name, figure: 'rate', baseline: 'authPointQuery', target: { ratio: 0.7 }, whyMissed: 'the answer itself is kept per (user, tenant) and serialised once; what remains is the query validation, the middleware and writing the response (docs/performance.md)' },
      { key: 'entitlements', workload: workloads.entitlements!.name, figure: 'rate', baseline: 'authPointQuery', target: { ratio: 0.7 }, whyMissed: 'the answer is kept per (user, tenant) and serialised once; what remains is the middleware and writing the response (docs/performance.md)' },
      { key: 'exchange', workload: workloads.exchange!.name, figure: 'rate', baseline: 'honoJose', target: { ratio: 0.5 }, whyMissed: 'the session check, three reads, the sign and one WAL commit (counters with the audited switch, checkpoints included) besides what the baseline does' },
    ];

    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    if (only?.length) {
      const wanted = new Set(only);
      // Baselines have baselines of their own (the table shows each one's ratio too).
      for (let size = 0; size !== wanted.size; ) {
        size = wanted.size;
        for (const row of rows) if (wanted.has(row.key) && row.baseline) wanted.add(row.baseline);
      }
      rows.splice(0, rows.length, ...rows.filter((row) => wanted.has(row.key)));
    }
    const spec = (w: Workload, seconds: number): CannonSpec => ({ origin: w.origin(), requests: w.requests, connections: w.connections, seconds });
    for (const row of rows) await cannon(spec(workloads[row.key]!, 1)); // warm-up: JIT, caches, connections
    const reports = new Map<string, CannonReport[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved, so a noisy neighbour or a slow drift touches every workload alike.
      for (const row of rows) {
        const report = await cannon(spec(workloads[row.key]!, SECONDS));
        reports.set(row.key, [...(reports.get(row.key) ?? []), report]);
      }
      process.stdout.write(`round ${round}/${ROUNDS} done\n`);
    }

    const figureOf = (key: string, figure: Row['figure']) => median(reports.get(key)!.map((r) => (figure === 'rate' ? r.perSecond : r.p99Ms)));
    const fmt = (key: string, figure: Row['figure']) => (figure === 'rate' ? `${Math.round(figureOf(key, figure)).toLocaleString('en')} req/s` : `p99 ${figureOf(key, figure).toFixed(1)} ms`);
    const lines = [
      '| workload | figure | p99 ms | baseline | ratio | target | result |',
      '|---|---:|---:|---|---:|---|---|',
    ];
    const notes: string[] = [];
    for (const row of rows) {
      const w = workloads[row.key]!;
      const all = reports.get(row.key)!;
      const unexpected = all.flatMap((r) => Object.entries(r.statuses).filter(([code]) => !w.expect.map(String).includes(code)));
      const ratio = row.baseline ? figureOf(row.key, 'rate') / figureOf(row.baseline, 'rate') : undefined;
      let target = '—';
      let result = row.untargeted ?? '';
      if (row.target?.ratio !== undefined) {
        target = `>= ${row.target.ratio} of baseline`;
        result = ratio! >= row.target.ratio ? 'pass' : 'FAIL';
      } else if (row.target?.p99Ms !== undefined) {
        target = `p99 < ${row.target.p99Ms} ms`;
        result = figureOf(row.key, 'p99') < row.target.p99Ms ? 'pass' : 'FAIL';
      }
      if (unexpected.length) {
        result = `INVALID (answers ${JSON.stringify(Object.fromEntries(unexpected))})`;
      }
      if (result === 'FAIL' && row.whyMissed) notes.push(`- ${row.workload}: missed; ${row.whyMissed}. Profile it: BENCH_PROFILE=1 npm run bench (CPU profiles in ${PROFILE_DIR}).`);
      const baselineName = row.baseline ? `${workloads[row.baseline]!.name} (${fmt(row.baseline, 'rate')})` : '—';
      lines.push(
        `| ${row.workload} | ${fmt(row.key, row.figure)} | ${figureOf(row.key, 'p99').toFixed(1)} | ${baselineName} | ${ratio === undefined ? '—' : ratio.toFixed(2)} | ${target} | ${result} |`,
      );
    }
    console.log(`\n${lines.join('\n')}`);
    if (notes.length) console.log(`\n${notes.join('\n')}`);
    const statuses = rows.map((row) => `${row.key}: ${JSON.stringify(reports.get(row.key)!.reduce<Record<string, number>>((acc, r) => {
      for (const [code, n] of Object.entries(r.statuses)) acc[code] = (acc[code] ?? 0) + n;
      return acc;
    }, {}))}`);
    console.log(`\nanswers by status over all rounds: ${statuses.join('; ')}`);
  } finally {
    baselines.close();
    await bff.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
