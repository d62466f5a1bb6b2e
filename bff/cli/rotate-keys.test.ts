// `npm run keys:rotate` against a real database file, as an operator runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { KeyStore } from '../auth/key-store';
import { systemClock } from '../domain/clock';

const run = promisify(execFile);

describe('keys:rotate', () => {
  it('adds a new signing key and keeps the old one published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-rotate-'));
    const url = `file:${join(dir, 'keys.db')}`;
    try {
      const database = await openDatabase({ url });
      const keys = new KeyStore(database, systemClock);
      await keys.init();
      const [before] = (await keys.jwks()).keys;
      database.close();

      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'rotate-keys.ts')], {
        env: { ...process.env, DATABASE_URL: url },
      });
      expect(stdout).toMatch(/new signing key \S+; 2 key\(s\) published/);

      const reopened = await openDatabase({ url });
      const after = new KeyStore(reopened, systemClock);
      const published = (await after.jwks()).keys.map((k) => k.kid);
      expect(published).toHaveLength(2);
      expect(published).toContain(before!.kid);
      expect((await after.signingKey()).kid).not.toBe(before!.kid);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
