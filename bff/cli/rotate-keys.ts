// `npm run keys:rotate`: a new signing key signs from now on; the old one stays published in the
// JWKS until every token it signed has expired. A running BFF picks the new key up within 30 s.
import { openDatabase } from '../db/client';
import { KeyStore } from '../auth/key-store';
import { systemClock } from '../domain/clock';
import { readEnv } from '../env';
import { keyEncryptionFor } from '../start-server';

const env = readEnv();
const database = await openDatabase({ url: env.databaseUrl, authToken: env.databaseAuthToken });
const keys = new KeyStore(database, systemClock, { keyEncryption: keyEncryptionFor(env) });
const kid = await keys.rotate();
const { keys: published } = await keys.jwks();
console.log(`new signing key ${kid}; ${published.length} key(s) published: ${published.map((k) => k.kid).join(', ')}`);
database.close();
