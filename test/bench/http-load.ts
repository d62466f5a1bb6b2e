// A tiny closed-loop HTTP load generator, run as its own process so it does not share the server's
// event loop: `connections` keep-alive connections send one request after another for `durationMs`
// (after `warmupMs` not counted), then one JSON line of results goes to stdout. Loopback only.
//   node --import tsx test/bench/http-load.ts '<LoadSpec as JSON>'
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationMs: number;
  warmupMs?: number;
  /** Statuses that count as answered; anything else is an error (and is counted, not thrown). */
  ok?: number[];
}

export interface LoadReport {
  count: number;
  errors: number;
  statuses: Record<string, number>;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runHttpLoad(spec: LoadSpec): Promise<LoadReport> {
  const target = new URL(spec.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`load goes to loopback only, not ${target.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const ok = new Set(spec.ok ?? [200]);
  const headers = { ...spec.headers, ...(spec.body ? { 'content-length': String(Buffer.byteLength(spec.body)) } : {}) };
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(target, { method: spec.method ?? 'GET', headers, agent }, (res) => {
        // Read and drop the body (a gzipped body stays gzipped: inflating it is the client's cost).
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(spec.body);
    });

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const loop = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const status = await once().catch(() => 0);
      if (!record) continue;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (ok.has(status)) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  const warmupEnd = performance.now() + (spec.warmupMs ?? 1000);
  await Promise.all(Array.from({ length: spec.connections }, () => loop(warmupEnd, false)));
  const start = performance.now();
  await Promise.all(Array.from({ length: spec.connections }, () => loop(start + spec.durationMs, true)));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((x, y) => x - y);
  return { count: latencies.length, errors, statuses, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runHttpLoad(JSON.parse(process.argv[2]!) as LoadSpec).then(
    (report) => console.log(JSON.stringify(report)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
