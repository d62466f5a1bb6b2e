import { describe, expect, it } from 'vitest';
import { contentCoding, entityTag, ifNoneMatchMatches } from './entity-tag';

describe('entityTag', () => {
  it('is a quoted base64url sha-256 of the content, strong, with the content coding appended', () => {
    const plain = entityTag('{"a":1}', null);
    expect(plain).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(entityTag('{"a":1}', null)).toBe(plain);
    expect(entityTag('{"a":2}', null)).not.toBe(plain);
    expect(entityTag('{"a":1}', 'gzip')).toBe(`${plain.slice(0, -1)}-gzip"`);
    expect(entityTag('{"a":1}', 'deflate')).toBe(`${plain.slice(0, -1)}-deflate"`);
  });
});

describe('ifNoneMatchMatches (RFC 9110 §13.1.2)', () => {
  const tag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc" , "y"', true],
    [' "abc" ', true],
    ['*', true],
    [' * ', true],
    ['"x", , "abc",', true],
    ['"abcd"', false],
    ['"ab"', false],
    ['abc', false],
    ['w/"abc"', false],
    ['"x" "abc"', false],
    ['"abc', false],
    ['"a,b"', false],
    ['', false],
    ['*, "abc"', false],
  ])('%j → %s', (field, expected) => {
    expect(ifNoneMatchMatches(field, tag)).toBe(expected);
  });

  it('compares weakly from both sides, and not without the field', () => {
    expect(ifNoneMatchMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
  });
});

describe('contentCoding: what hono/compress would choose', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['gzip, deflate, br', 'gzip'],
    ['deflate, gzip', 'gzip'],
    ['deflate', 'deflate'],
    ['br', null],
    ['gzip;q=0.5, deflate', 'deflate'],
    ['gzip;q=0, deflate;q=0', null],
    ['gzip;q=0, *', 'deflate'],
    ['*', 'gzip'],
    ['*;q=0', null],
  ] as const)('GET, Accept-Encoding %j → %s', (header, expected) => {
    expect(contentCoding('GET', header)).toBe(expected);
  });

  it('never for HEAD, which hono/compress leaves alone', () => {
    expect(contentCoding('HEAD', 'gzip')).toBeNull();
  });
});
