// Properties of the switcher's search over random names and random typing: what the index and the
// last query skip is never a match, and typing on answers exactly what a fresh search answers.
import uFuzzy from '@leeoniya/ufuzzy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCustomerSearch, normalizeQuery } from './customer-search';

// Few letters, so random names and queries share them and match often.
const letter = fc.constantFrom(...'abcdeAB1 -\'é', 'abcde', 'Bacde');
const name = fc.string({ unit: letter, minLength: 0, maxLength: 14 });
const names = fc.array(name, { minLength: 1, maxLength: 60 });
const typedQuery = fc.string({ unit: fc.constantFrom(...'abcde1 -'), minLength: 0, maxLength: 7 });
/** A piece of one of the names with one letter substituted, dropped or swapped: the typos analysts make. */
const typoOf = (list: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...list), fc.nat(), fc.integer({ min: 3, max: 9 }), fc.nat(), fc.constantFrom('sub', 'drop', 'swap', 'none'), fc.constantFrom(...'abcdex'))
    .map(([n, from, length, at, edit, letter]) => {
      const piece = n.toLowerCase().slice(from % (n.length || 1), (from % (n.length || 1)) + length);
      const k = at % (piece.length || 1);
      if (edit === 'sub') return piece.slice(0, k) + letter + piece.slice(k + 1);
      if (edit === 'drop') return piece.slice(0, k) + piece.slice(k + 1);
      if (edit === 'swap') return piece.slice(0, k) + piece.slice(k + 1, k + 2) + piece.slice(k, k + 1) + piece.slice(k + 2);
      return piece;
    });
const namesAndQuery = names.chain((list) => fc.tuple(fc.constant(list), fc.oneof(typedQuery, typoOf(list))));
const namesAndQueries = names.chain((list) => fc.tuple(fc.constant(list), fc.array(fc.oneof(typedQuery, typoOf(list)), { minLength: 1, maxLength: 4 })));

const inOrder = new uFuzzy({ intraMode: 0, intraIns: 1 });
const typos = new uFuzzy({ intraMode: 1, intraIns: 1, intraSub: 1, intraTrn: 1, intraDel: 1 });

/** What uFuzzy's two passes match over every name, without the index: the reference. */
function reference(list: readonly string[], q: string): Set<number> {
  const needle = normalizeQuery(q);
  if (!needle) return new Set(q.trim() ? [] : list.keys());
  const lower = list.map((n) => n.toLowerCase());
  const first = inOrder.filter(lower, needle) ?? [];
  const second = needle.length >= 3 && first.length < 50 ? (typos.filter(lower, needle) ?? []) : [];
  return new Set([...first, ...second]);
}

describe('createCustomerSearch properties', () => {
  it('finds exactly what uFuzzy finds over every name (the index skips no match)', () => {
    fc.assert(
      fc.property(namesAndQuery, ([list, q]) => {
        const { ids, total } = createCustomerSearch(list, Infinity).search(q);
        expect(new Set(ids)).toEqual(reference(list, q));
        expect(total).toBe(ids.length);
      }),
      { numRuns: 400 },
    );
  });

  it('typed key by key, or after any other query, answers what a fresh search answers', () => {
    fc.assert(
      fc.property(namesAndQueries, fc.integer({ min: 1, max: 30 }), ([list, queries], shown) => {
        const typed = createCustomerSearch(list, shown);
        for (const q of queries) {
          for (let n = 0; n <= q.length; n++) expect(typed.search(q.slice(0, n))).toEqual(createCustomerSearch(list, shown).search(q.slice(0, n)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
