// Where the key-encryption key comes from: KEY_ENCRYPTION_KEY (a secret store), or a file. For the
// demo on a loopback bind the file is created on first start next to the database, readable by its
// owner only (0600); anywhere else a missing KEK is refused at start (bff/env.ts).
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateKek, KeyEncryption, KeyEncryptionError, parseKek } from './key-encryption';

export interface KekSettings {
  /** KEY_ENCRYPTION_KEY: wins over the file. */
  key?: string;
  /** KEY_ENCRYPTION_KEY_PREVIOUS: older KEKs, only to open keys not yet sealed again. */
  previous?: string[];
  /** KEY_ENCRYPTION_KEY_FILE, or the demo file next to the database. */
  file?: string;
  /** Create the file when it is missing (the demo, loopback only). */
  generate: boolean;
  /** NEW_KEY_ENCRYPTION_KEY: what `npm run kek:rotate` seals under (generated into the file when unset). */
  next?: string;
}

/** `<database file>.kek` for an embedded database; undefined for an in-memory or remote one. */
export function defaultKekFile(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('file:')) return undefined;
  const path = databaseUrl.slice('file:'.length).split('?')[0]!;
  return path && path !== ':memory:' ? `${path}.kek` : undefined;
}

/** The file a KEK rotation writes before re-sealing, renamed over `file` once the keys are sealed. */
export const nextKekFile = (file: string) => `${file}.next`;

export function loadKeyEncryption(settings: KekSettings): { encryption: KeyEncryption; generatedFile?: string } {
  const previous = (settings.previous ?? []).map(parseKek);
  if (settings.key) return { encryption: new KeyEncryption(parseKek(settings.key), previous) };
  const file = settings.file;
  if (!file) throw new KeyEncryptionError('no key-encryption key: set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE');
  let generatedFile: string | undefined;
  if (!existsSync(file)) {
    if (!settings.generate) throw new KeyEncryptionError(`the key-encryption key file ${file} does not exist: set KEY_ENCRYPTION_KEY or point KEY_ENCRYPTION_KEY_FILE at it`);
    mkdirSync(dirname(file), { recursive: true });
    // Written aside, then linked into place: two processes starting together never overwrite
    // each other's key, and neither reads a half-written file.
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, `${generateKek()}\n`, { mode: 0o600 });
    try {
      linkSync(aside, file);
      generatedFile = file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(aside);
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  // A rotation that stopped between sealing and renaming left the new KEK here: it may be needed.
  const next = nextKekFile(file);
  if (existsSync(next)) previous.push(parseKek(readFileSync(next, 'utf8')));
  return { encryption: new KeyEncryption(parseKek(readFileSync(file, 'utf8')), previous), generatedFile };
}
