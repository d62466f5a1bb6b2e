// Issue 20, keys at rest: the private signing keys in the database are sealed under a
// key-encryption key (KEK) kept outside it, so a copy of the database alone cannot sign.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify, type JSONWebKeySet, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyEncryption } from '../bff/auth/kek-source';
import { generateKek, KeyEncryption, KeyEncryptionError, parseKek } from '../bff/auth/key-encryption';
import { KeyStore } from '../bff/auth/key-store';
import { openDatabase } from '../bff/db/client';
import { signingKeys } from '../bff/db/schema';
import { DEMO, DEMO_PASSWORD } from '../bff/db/seed';
import { systemClock } from '../bff/domain/clock';
import { startBffProcess, type BffProcess } from './helpers/bff-process';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

async function signIn(bff: BffProcess): Promise<string> {
  const res = await fetch(`${bff.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { session_token: string }).session_token;
}

async function verifies(bff: BffProcess, token: string) {
  const jwks = (await (await fetch(`${bff.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  return jwtVerify(token, createLocalJWKSet(jwks));
}

/** The key rows as anyone holding the file reads them, without the BFF's code. */
async function rawKeyRows(file: string) {
  const client = createClient({ url: `file:${file}` });
  try {
    return (await client.execute('select kid, private_jwk from signing_keys')).rows.map((r) => ({ kid: String(r.kid), privateJwk: String(r.private_jwk) }));
  } finally {
    client.close();
  }
}

describe('a BFF process and its database file', () => {
  let dir: string;
  let file: string;
  let bff: BffProcess;
  let kid: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-kek-'));
    file = join(dir, 'switchboard.db');
    bff = await startBffProcess({ databaseUrl: `file:${file}`, env: { SEED_DEMO: 'true' } });
    kid = decodeProtectedHeader(await signIn(bff)).kid!;
    await bff.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the demo KEK beside the database, readable by its owner only, and says where', () => {
    expect(bff.output()).toContain(`created the key-encryption key ${file}.kek (mode 0600)`);
    expect(statSync(`${file}.kek`).mode & 0o777).toBe(0o600);
    expect(() => parseKek(readFileSync(`${file}.kek`, 'utf8'))).not.toThrow();
  });

  it('stores no private key material: no PEM, no private JWK member, only AES-256-GCM ciphertext bound to its kid', async () => {
    const rows = await rawKeyRows(file);
    expect(rows.map((r) => r.kid)).toEqual([kid]);
    for (const row of rows) {
      const stored = JSON.parse(row.privateJwk) as Record<string, unknown>;
      expect(Object.keys(stored).sort()).toEqual(['ciphertext', 'enc', 'iv', 'kek', 'tag']);
      expect(stored.enc).toBe('A256GCM');
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(stored).not.toHaveProperty(member);
      await expect(importJWK(stored as JWK, 'ES256')).rejects.toThrow();
    }
    const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(bytes).not.toMatch(/PRIVATE KEY|"d":"/);
  });

  it('a copy of the database alone cannot sign: a server on the copy refuses to start, naming the KEK it lacks', async () => {
    const copyDir = join(dir, 'copy');
    mkdirSync(copyDir);
    for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, join(copyDir, `switchboard.db${suffix}`));
    expect((await rawKeyRows(join(copyDir, 'switchboard.db'))).map((r) => r.kid)).toEqual([kid]);
    const copy = startBffProcess({ databaseUrl: `file:${join(copyDir, 'switchboard.db')}`, env: { SEED_DEMO: 'false' } });
    await expect(copy).rejects.toThrow(/sealed with key-encryption key \S+, which this process does not have/);
    // And with a KEK of one's own, in-process: nothing opens, nothing signs.
    const database = await openDatabase({ url: `file:${join(copyDir, 'switchboard.db')}` });
    try {
      const stranger = new KeyStore(database, systemClock, { keyEncryption: new KeyEncryption(parseKek(generateKek())) });
      await expect(stranger.init()).rejects.toBeInstanceOf(KeyEncryptionError);
      await expect(stranger.signingKey()).rejects.toBeInstanceOf(KeyEncryptionError);
    } finally {
      database.close();
    }
    // With the KEK beside it, the same copy signs with the same key.
    copyFileSync(`${file}.kek`, join(copyDir, 'switchboard.db.kek'));
    const restored = await startBffProcess({ databaseUrl: `file:${join(copyDir, 'switchboard.db')}`, env: { SEED_DEMO: 'false' } });
    try {
      const token = await signIn(restored);
      expect(decodeProtectedHeader(token).kid).toBe(kid);
      await verifies(restored, token);
    } finally {
      await restored.close();
    }
  }, 60_000);

  it('kek:rotate seals every key under a new KEK: the old KEK opens nothing, a restarted server signs with the same key', async () => {
    const oldKek = readFileSync(`${file}.kek`, 'utf8');
    const oldId = parseKek(oldKek).id;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bff/cli/rotate-kek.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` } });
    expect(stdout).toMatch(new RegExp(`sealed 1 signing key\\(s\\) under key-encryption key \\S+ \\(was ${oldId}\\)`));
    const newKek = readFileSync(`${file}.kek`, 'utf8');
    expect(newKek).not.toBe(oldKek);
    expect(existsSync(`${file}.kek.next`)).toBe(false);
    expect(statSync(`${file}.kek`).mode & 0o777).toBe(0o600);
    const [row] = await rawKeyRows(file);
    expect(JSON.parse(row!.privateJwk).kek).toBe(parseKek(newKek).id);
    expect(() => new KeyEncryption(parseKek(oldKek)).open(kid, JSON.parse(row!.privateJwk))).toThrow(KeyEncryptionError);

    const again = await startBffProcess({ databaseUrl: `file:${file}`, env: { SEED_DEMO: 'false' } });
    try {
      const token = await signIn(again);
      expect(decodeProtectedHeader(token).kid).toBe(kid);
      await verifies(again, token);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('refuses to start on a bind other than loopback without a KEK, saying what to set', async () => {
    await expect(
      startBffProcess({ databaseUrl: `file:${file}`, env: { HOST: '0.0.0.0', CONSOLE_CLIENT_SECRET: 'a-long-enough-console-secret', SEED_DEMO: 'false' } }),
    ).rejects.toThrow(/KEY_ENCRYPTION_KEY: required unless the server is reached only through a loopback address/);
  }, 30_000);
});

describe('sealing in the key store', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-kek-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seals plaintext keys written before issue 20 at start, and signs with the same key afterwards', async () => {
    const url = `file:${join(dir, 'old.db')}`;
    const database = await openDatabase({ url });
    try {
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const privateJwk = await exportJWK(privateKey);
      await database.write((tx) => tx.insert(signingKeys).values({ kid: 'old-plain', alg: 'ES256', publicJwk: {}, privateJwk, createdAt: new Date(), retiredAt: null, publishUntil: null }));
      await database.write(async (tx) => tx.update(signingKeys).set({ publicJwk: await exportJWK(publicKey) }).where(eq(signingKeys.kid, 'old-plain')));
      const encryption = loadKeyEncryption({ file: `${join(dir, 'old.db')}.kek`, generate: true }).encryption;
      const store = new KeyStore(database, systemClock, { keyEncryption: encryption });
      await store.init();
      const row = await database.db.select().from(signingKeys).where(eq(signingKeys.kid, 'old-plain')).get();
      expect(row!.privateJwk).not.toHaveProperty('d');
      expect(row!.privateJwk).toMatchObject({ enc: 'A256GCM', kek: encryption.current.id });
      expect(encryption.open('old-plain', row!.privateJwk)).toEqual(privateJwk);
      expect((await store.signingKey()).kid).toBe('old-plain');
    } finally {
      database.close();
    }
  });

  it('a kek:rotate stopped between sealing and renaming loses nothing: the next start opens keys under either file and seals them under the file\'s', async () => {
    const url = `file:${join(dir, 'interrupted.db')}`;
    const kekFile = `${join(dir, 'interrupted.db')}.kek`;
    const database = await openDatabase({ url });
    try {
      const before = loadKeyEncryption({ file: kekFile, generate: true }).encryption;
      const store = new KeyStore(database, systemClock, { keyEncryption: before });
      await store.init();
      const { kid } = await store.signingKey();
      // What rotate-kek does up to the rename: the new KEK in `.next`, every key sealed under it.
      const next = generateKek();
      writeFileSync(`${kekFile}.next`, `${next}\n`, { mode: 0o600 });
      await new KeyStore(database, systemClock, { keyEncryption: before.rotatedTo(parseKek(next)) }).sealStoredKeys();
      expect((await database.db.select().from(signingKeys).get())!.privateJwk).toMatchObject({ kek: parseKek(next).id });
      // The next start: the file still holds the old KEK, `.next` the new one.
      const restarted = loadKeyEncryption({ file: kekFile, generate: true }).encryption;
      expect(restarted.current.id).toBe(before.current.id);
      const again = new KeyStore(database, systemClock, { keyEncryption: restarted });
      await again.init();
      expect((await again.signingKey()).kid).toBe(kid);
      expect((await database.db.select().from(signingKeys).get())!.privateJwk).toMatchObject({ kek: before.current.id });
    } finally {
      database.close();
    }
  });

  it('two processes creating the demo KEK at once end up with one KEK', () => {
    const file = join(dir, 'race.db.kek');
    const [a, b] = [loadKeyEncryption({ file, generate: true }), loadKeyEncryption({ file, generate: true })];
    expect(a.generatedFile).toBe(file);
    expect(b.generatedFile).toBeUndefined();
    expect(a.encryption.current.id).toBe(b.encryption.current.id);
    expect(() => loadKeyEncryption({ file: join(dir, 'absent.kek'), generate: false })).toThrow(/does not exist: set KEY_ENCRYPTION_KEY/);
  });

  it('binds each sealed key to its kid: a sealed key moved to another row does not open', () => {
    const encryption = new KeyEncryption(parseKek(generateKek()));
    const sealed = encryption.seal('kid-a', { kty: 'EC', d: 'secret' });
    expect(encryption.open('kid-a', sealed)).toEqual({ kty: 'EC', d: 'secret' });
    expect(() => encryption.open('kid-b', sealed)).toThrow(/does not open/);
    const flipped = { ...sealed, ciphertext: Buffer.from(Buffer.from(sealed.ciphertext, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url') };
    expect(() => encryption.open('kid-a', flipped)).toThrow(/does not open/);
  });
});
