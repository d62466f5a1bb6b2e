// A small closed-loop load generator: `concurrency` workers call `task` back to back for
// `durationMs`; reports throughput and latency percentiles.
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runLoad(name: string, task: () => Promise<void>, options: { concurrency: number; durationMs: number; warmup?: number }): Promise<LoadResult> {
  for (let i = 0; i < (options.warmup ?? 20); i++) await task();
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await task();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, count: latencies.length, perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

export function printTable(results: LoadResult[], baseline: LoadResult) {
  const rows = results.map((r) => [
    r.name,
    r.perSecond.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    `${(r.perSecond / baseline.perSecond).toFixed(3)}x`,
    `${(r.p99Ms / baseline.p99Ms).toFixed(1)}x`,
  ]);
  const header = ['scenario', 'ops/s', 'p50 ms', 'p99 ms', `ops/s vs ${baseline.name}`, 'p99 vs baseline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
