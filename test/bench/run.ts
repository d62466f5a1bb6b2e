// `npm run bench`: the BFF's hot paths on a real server and a real libSQL file, printed beside
// baselines measured in the same run (a bare Hono route over HTTP, a bare jose ES256 sign).
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { SignJWT, generateKeyPair } from 'jose';
import { DEMO } from '../../bff/db/seed';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { addLargePartnerAnalyst, LARGE_ANALYST } from '../helpers/large-partner';
import { SEEDED_AT, startTestWorld, unlimitedRates } from '../helpers/test-server';
import { printTable, runLoad, type LoadResult } from './load';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const CUSTOMERS = 10_000;
const opts = { concurrency, durationMs: seconds * 1000 };

async function main() {
  const world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  await addLargePartnerAnalyst(world.database, CUSTOMERS, SEEDED_AT);
  const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));
  const bareServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: bare.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/bare`;

  const large = await world.signIn(LARGE_ANALYST.email, LARGE_ANALYST.password);
  const analyst = await world.signIn(DEMO.users.contosoAnalyst.email);
  const get = (url: string, token?: string) => async () => {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    await res.arrayBuffer();
  };
  const exchangeBody = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE_GRANT,
    client_id: 'switchboard-extension',
    subject_token: analyst,
    subject_token_type: ACCESS_TOKEN_TYPE,
    audience: DEMO.tenants.acme,
  }).toString();
  const exchange = async () => {
    const res = await fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: exchangeBody });
    if (res.status !== 200) throw new Error(`exchange: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const { privateKey } = await generateKeyPair('ES256');
  const joseSign = async () => {
    await new SignJWT({ scope: 'x', tenant_id: 't' }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).setIssuedAt().setExpirationTime('15m').sign(privateKey);
  };

  console.log(`MSP Switchboard benchmarks: ${seconds}s per scenario, ${concurrency} concurrent clients, Node ${process.version}\n`);
  const baseline = await runLoad('bare Hono route (HTTP)', get(bareUrl), opts);
  const results: LoadResult[] = [baseline];
  results.push(await runLoad('bare jose ES256 sign (in-process)', joseSign, opts));
  results.push(await runLoad(`GET /v1/me/context (${CUSTOMERS} customers)`, get(`${world.baseUrl}/v1/me/context`, large), opts));
  results.push(await runLoad(`GET /v1/me/context (${4 + DEMO.generatedCustomers} customers)`, get(`${world.baseUrl}/v1/me/context`, analyst), opts));
  results.push(await runLoad('GET /v1/access/explain (permission)', get(`${world.baseUrl}/v1/access/explain?tenant=${DEMO.tenants.acme}&permission=Incident_View`, analyst), opts));
  results.push(await runLoad('POST /oauth/token (exchange)', exchange, opts));
  printTable(results, baseline);
  const jose = results[1]!;
  const exchangeResult = results[results.length - 1]!;
  console.log(`\ntoken exchange vs bare jose sign: ${(exchangeResult.perSecond / jose.perSecond).toFixed(3)}x ops/s`);
  bareServer.close();
  await world.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
