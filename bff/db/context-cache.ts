// Built contexts (GET /v1/me/context) kept per user, serialised and compressed once, for as long as
// the user's context version (bff/db/context-versions.ts) is unchanged and time has not reached the
// next instant that flips a fact (a grant's expiry). Bounded by bytes, least recently used first out.
import { gzipSync, deflateSync, constants } from 'node:zlib';

export type Coding = 'gzip' | 'deflate';

export interface BuiltContext {
  /** The context version it was built at. */
  version: string;
  /** The instant it was built at, and the first instant at which it may answer differently. */
  builtAt: number;
  validUntil: number;
  /** sha-256 of the content without generated_at, base64url: the entity tag's opaque part. */
  digest: string;
  /** The whole answer as JSON. */
  body: Buffer;
  encoded: Partial<Record<Coding, Buffer>>;
}

// Level 1: for 3.2 MB of repetitive JSON it costs about a quarter of the default level's time and
// the answer stays about 114 KB; each coding is computed once per built context.
const ENCODERS: Record<Coding, (b: Buffer) => Buffer> = {
  gzip: (b) => gzipSync(b, { level: 1 }),
  deflate: (b) => deflateSync(b, { level: 1, strategy: constants.Z_DEFAULT_STRATEGY }),
};

export class ContextCache {
  private entries = new Map<string, BuiltContext>();
  private bytes = 0;

  constructor(private readonly maxBytes = 128 * 1024 * 1024) {}

  /** The user's built context when still good for `version` at `now`. */
  fresh(userId: string, version: string, now: number): BuiltContext | undefined {
    const entry = this.entries.get(userId);
    if (!entry || entry.version !== version || now < entry.builtAt || now >= entry.validUntil) return undefined;
    this.entries.delete(userId);
    this.entries.set(userId, entry); // most recently used last
    return entry;
  }

  store(userId: string, entry: BuiltContext) {
    this.drop(userId);
    this.entries.set(userId, entry);
    this.bytes += entry.body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.drop(oldest);
    }
  }

  /** The body in `coding`, compressed on first use. */
  encoded(userId: string, entry: BuiltContext, coding: Coding): Buffer {
    let buffer = entry.encoded[coding];
    if (!buffer) {
      buffer = entry.encoded[coding] = ENCODERS[coding](entry.body);
      if (this.entries.get(userId) === entry) this.bytes += buffer.length;
    }
    return buffer;
  }

  private drop(userId: string) {
    const entry = this.entries.get(userId);
    if (!entry) return;
    this.entries.delete(userId);
    this.bytes -= entry.body.length + (entry.encoded.gzip?.length ?? 0) + (entry.encoded.deflate?.length ?? 0);
  }
}
