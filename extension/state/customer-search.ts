// Typo-tolerant, ranked customer search with uFuzzy (chosen after measuring it beside fuse.js:
// docs/decisions.md). Two passes: in-order letters with gaps ("glbx" finds Globex), then one
// typo per word ("acem" finds Acme); the first pass's ranked hits come first.
import uFuzzy from '@leeoniya/ufuzzy';

const abbreviations = new uFuzzy({ intraMode: 0, intraIns: 1 });
const typos = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });
/** Above this many hits uFuzzy skips ranking; the hits are then kept in list order. */
const RANK_LIMIT = 1000;
/** The typo pass runs only for queries of this length, and only when the first pass found few. */
const TYPO_MIN_LENGTH = 3;
const ENOUGH_HITS = 50;

function ranked(matcher: uFuzzy, haystack: readonly string[], needle: string): number[] {
  const [idxs, info, order] = matcher.search(haystack as string[], needle, 0, RANK_LIMIT);
  if (!idxs) return [];
  return info && order ? order.map((o) => info.idx[o]!) : [...idxs];
}

/** Indices into `haystack` matching `query`, best first; all of them, in order, for an empty query. */
export function searchCustomers(haystack: readonly string[], query: string): number[] {
  const needle = query.trim();
  if (!needle) return haystack.map((_, i) => i);
  const first = ranked(abbreviations, haystack, needle);
  if (needle.length < TYPO_MIN_LENGTH || first.length >= ENOUGH_HITS) return first;
  const seen = new Set(first);
  return [...first, ...ranked(typos, haystack, needle).filter((i) => !seen.has(i))];
}
