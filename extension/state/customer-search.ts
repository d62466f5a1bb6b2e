// Typo-tolerant, ranked customer search with uFuzzy (chosen after measuring it beside fuse.js:
// docs/decisions.md). Two passes: in-order letters with gaps ("glbx" finds Globex), then one
// typo per word ("acem" finds Acme); the first pass's ranked hits come first.
//
// Per keystroke at 50,000 names (extension/README.md, "Performance"): the names are indexed once
// (lowercase, a bitmask of the letters and digits each holds, and per letter the names holding
// it), so a keystroke runs uFuzzy's regex only on names that hold every letter typed; when the
// query extends the previous one, only on the previous matches (the in-order pass can only
// narrow). uFuzzy's ranking (`info` + `sort`) runs on at most RANK_LIMIT hits, and only the best
// `shown` are returned with the count of all.
import uFuzzy from '@leeoniya/ufuzzy';
import { candidatesFor, indexNames, keepMasks, lettersOf, missingLetters, type NameIndex } from './name-index';

const inOrder = new uFuzzy({ intraMode: 0, intraIns: 1 });
const typos = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
/** uFuzzy ranks at most this many hits; above it, the hits whose words start with the query go first. */
const RANK_LIMIT = 100;
/** The typo pass runs only for queries of this length, and only when the first pass found few. */
const TYPO_MIN_LENGTH = 3;
const ENOUGH_HITS = 50;
/** What the switcher lists of a query's hits: more than a person scrolls through, with the count of all. */
export const SHOWN_HITS = 100;

export interface SearchHits {
  /** Indices into the names, best first: at most `shown` of them. */
  ids: number[];
  /** How many names match in all. */
  total: number;
}

/** The query as the matchers see it: lowercase letters and digits, words split by one space. */
export const normalizeQuery = (query: string) => query.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Typo pass: uFuzzy's single-error rules per letter run (exact up to 2 letters, a swap or an
 * insertion at 3-4, one substitution or deletion from 5) let each run of 5 or more letters miss
 * one of its letters; every other letter typed must be in the name.
 */
function lettersTypoMayMiss(needle: string): number {
  return (needle.match(/[a-z]{5,}/g) ?? []).length;
}

function ranked(matcher: uFuzzy, lower: readonly string[], needle: string, hits: ArrayLike<number>, want: number): number[] {
  if (!hits.length || want <= 0) return [];
  if (hits.length <= RANK_LIMIT) return sortedByUFuzzy(matcher, lower, needle, Array.from(hits)).slice(0, want);
  // Too many to rank them all: the names starting with the query, then those with a word starting
  // with it, then those holding it, then the rest, each in list order; uFuzzy orders the first RANK_LIMIT.
  const head: number[] = [];
  const taken = new Uint8Array(lower.length);
  const limit = Math.max(want, RANK_LIMIT);
  const tiers: ((name: string) => boolean)[] = [(n) => n.startsWith(needle), (n) => n.includes(` ${needle}`), (n) => n.includes(needle), () => true];
  for (const tier of tiers) {
    for (let k = 0; k < hits.length && head.length < limit; k++) {
      const i = hits[k]!;
      if (!taken[i] && tier(lower[i]!)) (taken[i] = 1), head.push(i);
    }
  }
  return [...sortedByUFuzzy(matcher, lower, needle, head.slice(0, RANK_LIMIT)), ...head.slice(RANK_LIMIT)].slice(0, want);
}

function sortedByUFuzzy(matcher: uFuzzy, lower: readonly string[], needle: string, hits: readonly number[]): number[] {
  const info = matcher.info(hits as number[], lower as string[], needle);
  return matcher.sort(info, lower as string[], needle).map((o) => info.idx[o]!);
}

export interface CustomerSearch {
  search(query: string): SearchHits;
}

/**
 * A search over `names` that remembers its last query: typing on narrows the last in-order
 * matches instead of scanning every name again. Answers exactly what a fresh search would.
 */
export function createCustomerSearch(names: readonly string[], shown = SHOWN_HITS, index: NameIndex = indexNames(names)): CustomerSearch {
  const { lower } = index;
  let last: { needle: string; matches: ArrayLike<number> } | null = null;

  function inOrderMatches(needle: string): ArrayLike<number> {
    const letters = lettersOf(needle);
    // One letter: its list in the index is exactly what uFuzzy would match (no regex to run).
    if (/^[a-z]$/.test(needle)) return (last = { needle, matches: candidatesFor(index, letters) }).matches;
    // Appending to a query only narrows the in-order pass (each term's regex grows at its end).
    const from = last && needle.startsWith(last.needle) ? last.matches : candidatesFor(index, letters);
    const withLetters = keepMasks(index, from, (mask) => (mask & letters) === letters);
    const matches = inOrder.filter(lower as string[], needle, withLetters) ?? [];
    last = { needle, matches };
    return matches;
  }

  function typoMatches(needle: string, exclude: ArrayLike<number>): number[] {
    const letters = lettersOf(needle);
    const mayMiss = lettersTypoMayMiss(needle);
    const candidates = keepMasks(index, candidatesFor(index, mayMiss ? 0 : letters), (mask) => missingLetters(mask, letters) <= mayMiss);
    const skip = new Set(Array.from(exclude));
    return (typos.filter(lower as string[], needle, candidates) ?? []).filter((i) => !skip.has(i));
  }

  return {
    search(query) {
      const needle = normalizeQuery(query);
      if (!needle) return query.trim() ? { ids: [], total: 0 } : { ids: Array.from({ length: Math.min(shown, lower.length) }, (_, i) => i), total: lower.length };
      const first = inOrderMatches(needle);
      const second = needle.length >= TYPO_MIN_LENGTH && first.length < ENOUGH_HITS ? typoMatches(needle, first) : [];
      const firstIds = ranked(inOrder, lower, needle, first, shown);
      const ids = firstIds.concat(ranked(typos, lower, needle, second, shown - firstIds.length));
      return { ids, total: first.length + second.length };
    },
  };
}

/** Indices into `haystack` matching `query`, best first; all of them, in order, for an empty query. */
export function searchCustomers(haystack: readonly string[], query: string): number[] {
  return createCustomerSearch(haystack, Infinity).search(query).ids;
}
