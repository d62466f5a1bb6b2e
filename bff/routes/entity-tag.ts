// Entity tags for conditional GET (RFC 9110 §8.8.3, §13.1.2): one tag per content and content
// coding, the coding the answer will be sent in, and whether an If-None-Match field matches.
import { createHash } from 'node:crypto';
import { parseAccept } from 'hono/utils/accept';

/** The codings hono/compress can apply, in its order of preference. */
export const CONTENT_CODINGS = ['gzip', 'deflate'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/**
 * The coding hono/compress would choose for this request, or null for identity: the same rule as
 * its own negotiation (highest q above 0, explicit or through `*`, gzip first on a tie). HEAD
 * answers are never compressed.
 */
export function contentCoding(method: string, acceptEncoding: string | undefined): ContentCoding | null {
  if (method === 'HEAD' || acceptEncoding === undefined) return null;
  const accepts = parseAccept(acceptEncoding);
  const wildcard = accepts.find((a) => a.type === '*')?.q;
  let best: { coding: ContentCoding; q: number } | null = null;
  for (const coding of CONTENT_CODINGS) {
    const q = accepts.find((a) => a.type.toLowerCase() === coding)?.q ?? wildcard ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  return best?.coding ?? null;
}

/**
 * A strong entity tag for `content` sent in `coding`: sha-256, base64url, quoted. A content-coded
 * representation gets its own tag, "…-gzip" (RFC 9110 §8.8.3: content codings are part of the
 * representation, so a strong tag has to differ from the unencoded one).
 */
export function entityTag(content: string, coding: ContentCoding | null): string {
  const digest = createHash('sha256').update(content).digest('base64url');
  return `"${digest}${coding ? `-${coding}` : ''}"`;
}

/**
 * Whether an If-None-Match field value matches `etag`, so the answer is 304 (RFC 9110 §13.1.2):
 * `*` matches any current representation; otherwise weak comparison (W/ ignored on both sides)
 * against each tag of the list. A field that does not parse matches nothing, so it costs a 200,
 * never a wrong 304.
 */
export function ifNoneMatchMatches(field: string | undefined, etag: string): boolean {
  if (field === undefined) return false;
  if (field.trim() === '*') return true;
  const tags = parseEntityTagList(field);
  const opaque = opaqueTag(etag);
  return tags !== null && tags.some((tag) => opaqueTag(tag) === opaque);
}

const opaqueTag = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** `#entity-tag`: tags separated by commas and optional whitespace; a comma may sit inside quotes. */
function parseEntityTagList(field: string): string[] | null {
  // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
  const element = /^[ \t]*((?:W\/)?"[\x21\x23-\x7e\x80-\xff]*")[ \t]*(?:,|$)/;
  const tags: string[] = [];
  let rest = field;
  while (rest.length > 0) {
    const empty = /^[ \t]*,/.exec(rest);
    if (empty) {
      rest = rest.slice(empty[0].length);
      continue;
    }
    if (/^[ \t]*$/.test(rest)) break;
    const match = element.exec(rest);
    if (!match) return null;
    tags.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return tags;
}
