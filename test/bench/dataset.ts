// `npm run bench:dataset [-- <file>]`: writes the scale dataset (test/helpers/scale-dataset.ts) to a
// new database file (default bff/.data/scale.db, replaced if present) and prints its size.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FULL_SCALE, generateScaleDataset, SCALE_ANALYST } from '../helpers/scale-dataset';

export const DEFAULT_SCALE_DB = resolve(import.meta.dirname, '..', '..', 'bff', '.data', 'scale.db');

export async function freshScaleDataset(path: string, now = new Date()) {
  mkdirSync(dirname(path), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return generateScaleDataset(path, now, FULL_SCALE);
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  const path = resolve(process.argv[2] ?? DEFAULT_SCALE_DB);
  freshScaleDataset(path).then(
    (s) => {
      console.log(
        `scale dataset: ${path}\n  ${s.tenants.toLocaleString('en')} tenants, ${s.grants.toLocaleString('en')} grants, ${s.users.toLocaleString('en')} users ` +
          `(plus the demo MSP), ${(s.bytes / 1e6).toFixed(0)} MB, generated in ${(s.ms / 1000).toFixed(1)} s\n  scale analyst: ${SCALE_ANALYST.email} / ${SCALE_ANALYST.password}`,
      );
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
