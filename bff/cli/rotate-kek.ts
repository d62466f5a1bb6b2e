// `npm run kek:rotate`: seals every stored private signing key under a new key-encryption key, in
// one transaction. With the KEK in a file (the demo), the new KEK is generated into `<file>.next`
// (0600) first, and renamed over the file once the keys are sealed: a stop in between leaves both
// files, and the next start opens keys under either. With KEY_ENCRYPTION_KEY from a secret store,
// pass the new one as NEW_KEY_ENCRYPTION_KEY, then give every instance KEY_ENCRYPTION_KEY=<new>.
// Running instances keep the keys they opened and go on signing; restart them with the new KEK
// before the next `keys:rotate`.
import { renameSync, writeFileSync } from 'node:fs';
import { KeyStore } from '../auth/key-store';
import { loadKeyEncryption, nextKekFile } from '../auth/kek-source';
import { generateKek, parseKek } from '../auth/key-encryption';
import { openDatabase } from '../db/client';
import { systemClock } from '../domain/clock';
import { readEnv } from '../env';

async function main() {
  const env = readEnv();
  const settings = env.keyEncryption;
  const current = loadKeyEncryption({ ...settings, generate: false }).encryption;
  const fromFile = !settings.key;
  if (!fromFile && !settings.next) throw new Error('KEY_ENCRYPTION_KEY comes from the environment: set NEW_KEY_ENCRYPTION_KEY to the new key as well');
  const nextText = settings.next ?? generateKek();
  if (fromFile) writeFileSync(nextKekFile(settings.file!), `${nextText}\n`, { mode: 0o600 });
  const next = current.rotatedTo(parseKek(nextText));

  const database = await openDatabase({ url: env.databaseUrl, authToken: env.databaseAuthToken });
  try {
    const sealed = await new KeyStore(database, systemClock, { keyEncryption: next }).sealStoredKeys();
    if (fromFile) renameSync(nextKekFile(settings.file!), settings.file!);
    console.log(
      `sealed ${sealed} signing key(s) under key-encryption key ${next.current.id} (was ${current.current.id})` +
        (fromFile ? `; ${settings.file} now holds it` : '; now set KEY_ENCRYPTION_KEY to NEW_KEY_ENCRYPTION_KEY on every instance and restart them'),
    );
  } finally {
    database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
