// Private signing keys at rest: each private JWK is sealed with AES-256-GCM (node:crypto) under a
// key-encryption key (KEK) that never enters the database, the signing key's `kid` bound as
// additional authenticated data, so a sealed key moved to another row no longer opens. A copy of
// the database alone therefore cannot sign. Rows written before issue 20 hold the JWK itself; they
// still open (a rolling upgrade) and are sealed at the next start (KeyStore.init).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { z } from 'zod';

const KEK_BYTES = 32;
const IV_BYTES = 12;

/** How a sealed private key is stored in `signing_keys.private_jwk`. */
const sealedSchema = z.strictObject({
  enc: z.literal('A256GCM'),
  /** Which KEK sealed it (a digest of the KEK, not the KEK). */
  kek: z.string(),
  iv: z.base64url(),
  ciphertext: z.base64url(),
  tag: z.base64url(),
});
export type SealedKey = z.infer<typeof sealedSchema>;

export interface KeyEncryptionKey {
  id: string;
  key: Buffer;
}

/** The private key could not be opened: wrong or missing KEK, or a tampered row. */
export class KeyEncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyEncryptionError';
  }
}

/** A KEK from its base64url text (32 random bytes); throws on anything else. */
export function parseKek(text: string): KeyEncryptionKey {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length !== KEK_BYTES || key.toString('base64url') !== text.trim()) {
    throw new KeyEncryptionError(`a key-encryption key is ${KEK_BYTES} random bytes in base64url (43 characters)`);
  }
  return { id: createHash('sha256').update('switchboard-kek-id:').update(key).digest('base64url').slice(0, 16), key };
}

/** A fresh KEK, as base64url text. */
export const generateKek = (): string => randomBytes(KEK_BYTES).toString('base64url');

export const isSealed = (stored: unknown): boolean => sealedSchema.safeParse(stored).success;

/** Seals with the current KEK; opens with the current or any previous one (KEK rotation). */
export class KeyEncryption {
  readonly current: KeyEncryptionKey;
  private readonly all: KeyEncryptionKey[];

  constructor(current: KeyEncryptionKey, previous: KeyEncryptionKey[] = []) {
    this.current = current;
    this.all = [current, ...previous];
  }

  /** Seals under `next` from now on, still opening what this one opens (a KEK rotation). */
  rotatedTo(next: KeyEncryptionKey): KeyEncryption {
    return new KeyEncryption(next, this.all);
  }

  seal(kid: string, privateJwk: JWK): SealedKey {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(privateJwk), 'utf8'), cipher.final()]);
    return { enc: 'A256GCM', kek: this.current.id, iv: iv.toString('base64url'), ciphertext: ciphertext.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') };
  }

  /** The private JWK of `kid` from its stored form (sealed, or a plaintext row from before issue 20). */
  open(kid: string, stored: unknown): JWK {
    const sealed = sealedSchema.safeParse(stored);
    if (!sealed.success) {
      if (isPlainPrivateJwk(stored)) return stored;
      throw new KeyEncryptionError(`signing key ${kid}: the stored private key is neither sealed nor a private JWK`);
    }
    const kek = this.all.find((k) => k.id === sealed.data.kek);
    if (!kek) {
      throw new KeyEncryptionError(
        `signing key ${kid} is sealed with key-encryption key ${sealed.data.kek}, which this process does not have (it has ${this.all.map((k) => k.id).join(', ')}): set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE to it`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', kek.key, Buffer.from(sealed.data.iv, 'base64url'));
      decipher.setAAD(Buffer.from(kid, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.data.tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data.ciphertext, 'base64url')), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as JWK;
    } catch {
      throw new KeyEncryptionError(`signing key ${kid} does not open with key-encryption key ${kek.id}: the row was altered or belongs to another key`);
    }
  }

  /** Whether the stored form should be sealed again: plaintext, or sealed with an older KEK. */
  needsSealing(stored: unknown): boolean {
    const sealed = sealedSchema.safeParse(stored);
    return !sealed.success || sealed.data.kek !== this.current.id;
  }
}

function isPlainPrivateJwk(value: unknown): value is JWK {
  return typeof value === 'object' && value !== null && typeof (value as JWK).kty === 'string' && typeof (value as JWK).d === 'string';
}
