import { describe, expect, it } from 'vitest';
import { DEMO_NAMES, generatedNames } from '../test-support/customers';
import { searchCustomers } from './customer-search';

// The demo names first, then 10,000 generated ones: the scale the switcher is built for.
const haystack = [...DEMO_NAMES, ...generatedNames(10_000)];
const namesOf = (query: string) => searchCustomers(haystack, query).map((i) => haystack[i]);

describe('searchCustomers over 5 demo and 10,000 generated names', () => {
  it('finds Acme Retail first despite a transposition ("acem")', () => {
    expect(namesOf('acem')[0]).toBe('Acme Retail');
  });

  it('finds Globex Manufacturing first from an abbreviation ("glbx")', () => {
    expect(namesOf('glbx')[0]).toBe('Globex Manufacturing');
  });

  it('ranks the exact word first ("acme")', () => {
    expect(namesOf('acme')[0]).toBe('Acme Retail');
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(namesOf('  WAYNE ')[0]).toBe('Wayne Logistics');
  });

  it('returns every index, in list order, for an empty or blank query', () => {
    const expected = haystack.map((_, i) => i);
    expect(searchCustomers(haystack, '')).toEqual(expected);
    expect(searchCustomers(haystack, '   ')).toEqual(expected);
  });

  it('returns nothing for a query no name resembles', () => {
    expect(searchCustomers(haystack, 'zzzzqx')).toEqual([]);
  });

  it('finds a generated customer by its number', () => {
    expect(namesOf('Customer 4242')).toContain('Customer 4242 Holdings');
  });

  it('returns unique, in-range indices (the two passes never repeat a hit)', () => {
    for (const query of ['acem', 'glbx', 'acme', 'hold', 'customer 12', 'umbrela']) {
      const hits = searchCustomers(haystack, query);
      expect(hits.length).toBeGreaterThan(0);
      expect(new Set(hits).size).toBe(hits.length);
      for (const i of hits) expect(Number.isInteger(i) && i >= 0 && i < haystack.length).toBe(true);
    }
  });
});
