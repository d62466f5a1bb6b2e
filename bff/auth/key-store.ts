// Signing keys kept in the database (ES256), cached in memory. Rotation: a new key signs at
// once; the old one stays in the JWKS until every token it signed has expired (RFC 7517 JWKS).
// The database is the only shared copy: every instance re-reads it at least every
// `refreshSeconds`, so a key rotated elsewhere is published and signs here within that bound, and
// a token signed by a key this process has not seen yet makes it look at once (docs/scaling.md).
// Private halves are stored sealed under the key-encryption key (auth/key-encryption.ts); a key
// once opened stays in memory under its kid, so re-sealing under a new KEK disturbs no running process.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Database } from '../db/client';
import { findPublishedKey, insertKey, listAllKeys, listPublishedKeys, retireActiveKeys, storePrivateKey, type SigningKeyRow } from '../db/keys';
import type { Clock } from '../domain/clock';
import { DEFAULT_KEYS_REFRESH_SECONDS, MAX_SESSION_SECONDS } from '../config';
import { defaultKekFile, loadKeyEncryption } from './kek-source';
import { generateKek, KeyEncryption, parseKek } from './key-encryption';

export const SIGNING_ALG = 'ES256';
const FORCED_RELOAD_MS = 1_000;

// node:crypto KeyObjects, imported once per load: jose signs ES256 with one about 3x faster than
// with a WebCrypto CryptoKey.
interface LoadedKey {
  row: SigningKeyRow;
  publicKey: KeyObject;
  privateKey: KeyObject | null;
  /** Why an active key's private half could not be opened (a KEK this process lacks). */
  openError?: Error;
}

export interface KeyStoreOptions {
  /** The staleness bound: how old (seconds, wall time) the cached keys may get before a re-read. */
  refreshSeconds?: number;
  /**
   * Seals and opens the private keys. The servers and CLIs pass the configured KEK; without one, an
   * embedded database uses the demo file beside it (`<file>.kek`, created if missing) and an
   * in-memory or remote one a KEK that lives as long as this process.
   */
  keyEncryption?: KeyEncryption;
}

let processKek: KeyEncryption | undefined;
function defaultKeyEncryption(databaseUrl: string): KeyEncryption {
  const file = defaultKekFile(databaseUrl);
  if (file) return loadKeyEncryption({ file, generate: true }).encryption;
  return (processKek ??= new KeyEncryption(parseKek(generateKek())));
}

export class KeyStore {
  private keys: LoadedKey[] = [];
  /** When the read behind `keys` started: staleness is counted from there, not from its end. */
  private loadedAt = -Infinity;
  private reloading: Promise<void> | null = null;
  /** The staleness bound in seconds (KEYS_REFRESH_SECONDS; at most MAX_KEYS_REFRESH_SECONDS). */
  refreshSeconds: number;
  private readonly encryption: KeyEncryption;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    options: KeyStoreOptions = {},
  ) {
    this.refreshSeconds = options.refreshSeconds ?? DEFAULT_KEYS_REFRESH_SECONDS;
    this.encryption = options.keyEncryption ?? defaultKeyEncryption(database.url);
  }

  /**
   * Seals every stored private key not yet sealed under the current KEK (plaintext rows from
   * before issue 20, or rows sealed under a previous KEK), in one transaction. Returns how many.
   */
  async sealStoredKeys(): Promise<number> {
    return this.database.write(async (tx) => {
      const rows = (await listAllKeys(tx)).filter((r) => this.encryption.needsSealing(r.privateJwk));
      for (const row of rows) await storePrivateKey(tx, row.kid, this.encryption.seal(row.kid, this.encryption.open(row.kid, row.privateJwk)));
      return rows.length;
    });
  }

  /** Seals stored keys, loads them, and creates the first one on an empty database; fails fast without the right KEK. */
  async init(): Promise<void> {
    await this.sealStoredKeys();
    await this.reload();
    const failed = this.keys.find((k) => k.openError);
    if (failed) throw failed.openError;
    if (!this.keys.some((k) => !k.row.retiredAt)) await this.rotate();
  }

  async signingKey(): Promise<{ kid: string; privateKey: KeyObject }> {
    await this.refreshIfStale();
    const active = this.keys.find((k) => !k.row.retiredAt);
    if (active?.openError) throw active.openError;
    if (!active?.privateKey) throw new Error('no active signing key: run npm run keys:rotate');
    return { kid: active.row.kid, privateKey: active.privateKey };
  }

  /** The public key for `kid`, looking in the database once more for keys rotated by another process. */
  async verificationKey(kid: string): Promise<KeyObject | undefined> {
    await this.refreshIfStale();
    let key = this.published().find((k) => k.row.kid === kid);
    // Another process may have rotated: look once more, at most once a second, for a published kid.
    if (!key && Date.now() - this.loadedAt > FORCED_RELOAD_MS && (await findPublishedKey(this.database.db, kid, this.clock()))) {
      await this.reload();
      key = this.published().find((k) => k.row.kid === kid);
    }
    return key?.publicKey;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    await this.refreshIfStale();
    return { keys: this.published().map((k) => ({ ...(k.row.publicJwk as JWK), kid: k.row.kid, alg: k.row.alg, use: 'sig' })) };
  }

  /** Creates a new signing key and retires the current one. Returns the new kid. */
  async rotate(): Promise<string> {
    const now = this.clock();
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const privateJwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    // Whatever the configured lifetimes (the CLI may not share the server's environment), no token
    // a retired key signed can outlive the longest session allowed.
    const publishUntil = new Date(now.getTime() + MAX_SESSION_SECONDS * 1000 + 60_000);
    await this.database.write(async (tx) => {
      await retireActiveKeys(tx, now, publishUntil);
      await insertKey(tx, { kid, alg: SIGNING_ALG, publicJwk, privateJwk: this.encryption.seal(kid, privateJwk), createdAt: now, retiredAt: null, publishUntil: null });
    });
    await this.load(); // not the shared reload: one already under way may predate the new key
    return kid;
  }

  private published(): LoadedKey[] {
    const now = this.clock().getTime();
    return this.keys.filter((k) => !k.row.publishUntil || k.row.publishUntil.getTime() > now);
  }

  private async refreshIfStale() {
    if (Date.now() - this.loadedAt >= this.refreshSeconds * 1000) await this.reload();
  }

  /** One reload at a time, whoever asks. */
  private reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async load() {
    const startedAt = Date.now();
    const rows = await listPublishedKeys(this.database.db, this.clock());
    const opened = new Map(this.keys.filter((k) => k.privateKey).map((k) => [k.row.kid, k.privateKey]));
    const keys = rows.map((row): LoadedKey => {
      const publicKey = createPublicKey({ key: row.publicJwk as JWK, format: 'jwk' });
      // Retired keys only verify: their private halves stay in the database.
      if (row.retiredAt) return { row, publicKey, privateKey: null };
      const known = opened.get(row.kid);
      if (known) return { row, publicKey, privateKey: known };
      try {
        return { row, publicKey, privateKey: createPrivateKey({ key: this.encryption.open(row.kid, row.privateJwk) as JWK, format: 'jwk' }) };
      } catch (err) {
        return { row, publicKey, privateKey: null, openError: err instanceof Error ? err : new Error(String(err)) };
      }
    });
    // A read that began earlier (a refresh racing rotate()) must not replace a newer one.
    if (startedAt < this.loadedAt) return;
    this.keys = keys;
    this.loadedAt = startedAt;
  }
}
