// `npm run bench:search`: the switcher's search per keystroke over 10,000 and 50,000 customer
// names, measured in the same run beside a plain lowercase substring scan (the floor: no typo
// tolerance, no ranking), the former switcher search (uFuzzy's two passes over every name on every
// keystroke) and fuse.js. Printed, never asserted. Target (issue 19): p95 under 2 ms at 50,000.
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse from 'fuse.js';
import { createCustomerSearch, SHOWN_HITS } from '../../extension/state/customer-search';
import { indexNames } from '../../extension/state/name-index';

const QUERIES = ['a', 'ac', 'acm', 'acme', 'acem', 'glbx', 'glob', 'globex', 'ini', 'initec', 'umbrela', 'wayne', 'log', 'retail', 'health', 'cust 12', 'holdings', 'fin', 'manuf', 'zz'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Wayne', 'Stark', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Atlas', 'Northwind', 'Contoso'];
const KINDS = ['Retail', 'Manufacturing', 'Finance', 'Health', 'Logistics', 'Dental', 'Energy', 'Holdings', 'Labs', 'Foods'];
const ROUNDS = Number(process.env.ROUNDS ?? 9);

function names(count: number): string[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => `${WORDS[Math.floor(random() * WORDS.length)]} ${KINDS[Math.floor(random() * KINDS.length)]} ${i}`);
}

/** The switcher's search before issue 19: both uFuzzy passes over every name, every keystroke. */
function formerSearch(haystack: readonly string[]) {
  const abbreviations = new uFuzzy({ intraMode: 0, intraIns: 1 });
  const typos = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
  const ranked = (m: uFuzzy, needle: string) => {
    const [idxs, info, order] = m.search(haystack as string[], needle, 0, 1000);
    return !idxs ? [] : info && order ? order.map((o) => info.idx[o]!) : [...idxs];
  };
  return (query: string) => {
    const needle = query.trim();
    const first = ranked(abbreviations, needle);
    if (needle.length < 3 || first.length >= 50) return first.length;
    const seen = new Set(first);
    return first.length + ranked(typos, needle).filter((i) => !seen.has(i)).length;
  };
}

/**
 * Every keystroke of every query, as an analyst types it, ROUNDS times; ms per keystroke. The
 * machine is shared, so each keystroke counts with its fastest round (the work itself, without
 * another process's time slice); p50/p95/max are then taken across the keystrokes.
 */
function measure(search: (query: string) => number) {
  const keystrokes = QUERIES.flatMap((query) => Array.from(query, (_, n) => query.slice(0, n + 1)));
  const best = keystrokes.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    keystrokes.forEach((typed, k) => {
      const start = performance.now();
      search(typed);
      best[k] = Math.min(best[k]!, performance.now() - start);
    });
  }
  const samples = [...best].sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  const slowest = keystrokes.map((typed, k) => [typed, best[k]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1]!, slowest: slowest.map(([t, ms]) => `"${t}" ${ms.toFixed(2)}`).join(', ') };
}

const fmt = (ms: number) => ms.toFixed(2);
for (const count of [10_000, 50_000]) {
  const haystack = names(count);
  const lower = haystack.map((h) => h.toLowerCase());
  const built = performance.now();
  const index = indexNames(haystack);
  const buildMs = performance.now() - built;
  const switcher = createCustomerSearch(haystack, SHOWN_HITS, index);
  const former = formerSearch(haystack);
  const fuse = new Fuse(haystack, { threshold: 0.4, ignoreLocation: true });
  const rows = [
    ['substring scan (floor: no typos, no ranking)', measure((q) => lower.filter((h) => h.includes(q.toLowerCase())).length)],
    [`switcher: indexed, incremental, best ${SHOWN_HITS} ranked`, measure((q) => switcher.search(q).total)],
    ['former switcher: uFuzzy two passes over all', measure(former)],
    ['fuse.js, threshold 0.4', measure((q) => fuse.search(q).length)],
  ] as const;
  const base = rows[0][1].p95;
  console.log(`\n${count.toLocaleString('en')} customers, ${QUERIES.length} queries typed key by key, ${ROUNDS} rounds (ms per keystroke, fastest round; index built once in ${fmt(buildMs)} ms)`);
  console.log('| search | p50 | p95 | max | p95 vs substring | p95 < 2 ms | slowest keystrokes |\n| --- | ---: | ---: | ---: | ---: | :---: | --- |');
  for (const [name, r] of rows) console.log(`| ${name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${(r.p95 / base).toFixed(2)}x | ${r.p95 < 2 ? 'yes' : 'no'} | ${r.slowest} |`);
}
const sample = names(10_000);
const sampleSearch = createCustomerSearch(sample);
const fuse = new Fuse(sample, { threshold: 0.4, ignoreLocation: true });
for (const q of ['acem', 'glbx', 'umbrela']) {
  const { ids, total } = sampleSearch.search(q);
  console.log(`"${q}": switcher first hit ${sample[ids[0] ?? -1] ?? '(none)'} of ${total}; fuse.js first hit ${fuse.search(q)[0]?.item ?? '(none)'}`);
}
