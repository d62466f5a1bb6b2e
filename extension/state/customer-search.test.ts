import { describe, expect, it } from 'vitest';
import { DEMO_NAMES, generatedNames } from '../test-support/customers';
import { createCustomerSearch, searchCustomers } from './customer-search';

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

describe('createCustomerSearch: the best hits and the count', () => {
  const search = createCustomerSearch(haystack, 20);

  it('returns at most `shown` hits, best first, with the count of all', () => {
    const { ids, total } = search.search('holdings');
    expect(total).toBe(10_000);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('ranks a name starting with the query before names merely holding it', () => {
    const names = ['Northwind Acme Labs', 'Pacmesh Retail', 'Acme Dental', 'Wacme Foods'];
    expect(createCustomerSearch(names).search('acme').ids.map((i) => names[i])[0]).toBe('Acme Dental');
  });

  it('puts in-order hits before typo hits, and counts both', () => {
    const names = ['Acme Retail', 'Aecm Labs', 'Acem Foods'];
    const { ids, total } = createCustomerSearch(names).search('acem');
    expect(ids.map((i) => names[i])[0]).toBe('Acem Foods'); // typed exactly
    expect(ids.map((i) => names[i])).toContain('Acme Retail'); // one swap away
    expect(total).toBe(ids.length);
  });

  it('tolerates one typo in a long word ("umbrela", "healht") but not in a short one', () => {
    const names = ['Umbrella Health', 'Globex Manufacturing'];
    expect(createCustomerSearch(names).search('umbrela').ids).toEqual([0]);
    expect(createCustomerSearch(names).search('healht').ids).toEqual([0]);
    expect(createCustomerSearch(names).search('gx').ids).toEqual([]);
  });

  it('an empty query lists the first `shown` names in list order, counting all', () => {
    expect(search.search('  ')).toEqual({ ids: Array.from({ length: 20 }, (_, i) => i), total: haystack.length });
  });

  it('a query of nothing but punctuation matches nothing', () => {
    expect(search.search('--')).toEqual({ ids: [], total: 0 });
  });
});

describe('createCustomerSearch typed key by key', () => {
  it('answers each keystroke exactly as a fresh search does (narrowing the last matches)', () => {
    const typed = createCustomerSearch(haystack, 50);
    for (const query of ['glbx', 'customer 12', 'acem', 'a', 'ac', 'ac ', 'ac r', 'umbrela', 'wayne l']) {
      for (let n = 1; n <= query.length; n++) {
        const prefix = query.slice(0, n);
        expect(typed.search(prefix), prefix).toEqual(createCustomerSearch(haystack, 50).search(prefix));
      }
    }
  });
});
