// One load run in its own process, so the load generator never shares a core's event loop with the
// server it measures: autocannon against one loopback URL for a bounded time, one JSON line out.
//   node --import tsx test/bench/autocannon-worker.ts <file holding a CannonSpec as JSON>
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface CannonRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface CannonSpec {
  /** http://127.0.0.1:<port>: load goes to loopback only. */
  origin: string;
  /** Sent in turn by every connection (a varied workload: random users and tenants). */
  requests: CannonRequest[];
  connections: number;
  seconds: number;
}

export interface CannonReport {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by status code; errors and timeouts under "error". */
  statuses: Record<string, number>;
}

export async function cannon(spec: CannonSpec): Promise<CannonReport> {
  const { hostname } = new URL(spec.origin);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`load goes to loopback only, not ${hostname}`);
  const result = await autocannon({
    url: spec.origin,
    connections: spec.connections,
    duration: spec.seconds,
    requests: spec.requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body })),
  });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  const failed = result.errors + result.timeouts;
  if (failed) statuses.error = failed;
  return { perSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, statuses };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  cannon(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CannonSpec).then(
    (report) => console.log(JSON.stringify(report)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
