// `npm run bench:search`: the switcher's search per keystroke over 10,000 and 50,000 customer
// names: uFuzzy (what the switcher uses) beside fuse.js and a plain lowercase substring scan,
// measured in the same run. Printed, never asserted.
import Fuse from 'fuse.js';
import { searchCustomers } from '../../extension/state/customer-search';

const QUERIES = ['a', 'ac', 'acm', 'acme', 'acem', 'glbx', 'glob', 'globex', 'ini', 'initec', 'umbrela', 'wayne', 'log', 'retail', 'health', 'cust 12', 'holdings', 'fin', 'manuf', 'zz'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Wayne', 'Stark', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Atlas', 'Northwind', 'Contoso'];
const KINDS = ['Retail', 'Manufacturing', 'Finance', 'Health', 'Logistics', 'Dental', 'Energy', 'Holdings', 'Labs', 'Foods'];

function names(count: number): string[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => `${WORDS[Math.floor(random() * WORDS.length)]} ${KINDS[Math.floor(random() * KINDS.length)]} ${i}`);
}

function measure(search: (query: string) => number) {
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      // Every keystroke of the query, as an analyst types it.
      for (let n = 1; n <= query.length; n++) {
        const start = performance.now();
        search(query.slice(0, n));
        samples.push(performance.now() - start);
      }
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1]! };
}

for (const count of [10_000, 50_000]) {
  const haystack = names(count);
  const lower = haystack.map((h) => h.toLowerCase());
  const fuse = new Fuse(haystack, { threshold: 0.4, ignoreLocation: true });
  const rows = [
    ['substring scan (baseline)', measure((q) => lower.filter((h) => h.includes(q.toLowerCase())).length)],
    ['uFuzzy, two passes (switcher)', measure((q) => searchCustomers(haystack, q).length)],
    ['fuse.js, threshold 0.4', measure((q) => fuse.search(q).length)],
  ] as const;
  const base = rows[0][1].p95;
  console.log(`\n${count.toLocaleString('en')} customers, ${QUERIES.length} queries typed key by key (ms per keystroke)`);
  console.log('| search | p50 | p95 | max | p95 vs substring |\n| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} | ${(r.p95 / base).toFixed(1)}x |`);
}
const sample = names(10_000);
for (const q of ['acem', 'glbx']) {
  const fuse = new Fuse(sample, { threshold: 0.4, ignoreLocation: true });
  console.log(`"${q}": uFuzzy first hit ${sample[searchCustomers(sample, q)[0] ?? -1] ?? '(none)'}; fuse.js first hit ${fuse.search(q)[0]?.item ?? '(none)'}`);
}
