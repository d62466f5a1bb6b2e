// `npm run db:migrate` against a real database file, as a release step runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyStore } from '../auth/key-store';
import { openDatabase } from '../db/client';
import { isEmpty } from '../db/seed';
import { systemClock } from '../domain/clock';

const run = promisify(execFile);
const migrate = (url: string, seed: boolean) =>
  run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'migrate.ts')], { env: { ...process.env, DATABASE_URL: url, SEED_DEMO: String(seed) } });

describe('db:migrate', () => {
  it('migrates, seeds only when asked and empty, creates one signing key, and does nothing the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-migrate-'));
    const url = `file:${join(dir, 'release.db')}`;
    try {
      expect((await migrate(url, false)).stdout).toMatch(/is up to date\n$/);
      expect((await migrate(url, true)).stdout).toMatch(/seeded with the demo MSP/);
      expect((await migrate(url, true)).stdout).not.toMatch(/seeded/);
      const database = await openDatabase({ url });
      expect(await isEmpty(database)).toBe(false);
      expect((await new KeyStore(database, systemClock).jwks()).keys).toHaveLength(1);
      database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
