// `npm run db:migrate`: prepares DATABASE_URL as every instance expects it and exits: applies the
// committed migrations, seeds the demo MSP when SEED_DEMO=true and the database is empty, creates the
// first signing key. A release step for deployments whose instances start on several machines
// (instances started afterwards find nothing left to do); `npm start` and `npm run cluster` do the same
// by themselves.
import { readEnv } from '../env';
import { prepareDatabase } from '../start-server';

const env = readEnv();
const { seeded } = await prepareDatabase(env);
console.log(`database ${env.databaseUrl} is up to date${seeded ? ' (seeded with the demo MSP)' : ''}`);
