// The bench's baselines, in a process of their own (not part of the product): what the machinery
// alone does, measured by the same load generator in the same run as the BFF's hot paths.
//   node --import tsx test/bench/baselines.ts <database file> <the BFF's issuer URL>
// Prints one JSON line, { [baseline]: origin }, once every server listens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SignJWT, jwtVerify } from 'jose';
import Libsql from 'libsql';
import { defaultConfig } from '../../bff/config';
import { openDatabase } from '../../bff/db/client';
import { createDeps } from '../../bff/deps';
import { systemClock } from '../../bff/domain/clock';
import { requireCaller } from '../../bff/middleware/auth';

export const BASELINES = ['nodeHttp', 'hono', 'honoPointQuery', 'honoJose', 'authNoop', 'authPointQuery'] as const;
export type Baseline = (typeof BASELINES)[number];
/** The point query of the baselines: one access grant by primary key. */
export const POINT_QUERY = 'select * from access_grants where id = ?';

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const honoOn = (app: { fetch: (request: Request) => Response | Promise<Response> }) =>
  new Promise<string>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`));
  });

async function main(file: string, issuer: string) {
  const reader = new Libsql(file, { timeout: 100 });
  const point = reader.prepare(POINT_QUERY);
  const pointRead = (id: string) => {
    const row = point.get([id]) as Record<string, unknown> | undefined;
    if (row) delete row._metadata;
    return row ?? null;
  };

  // jose on node:crypto KeyObjects made once, as the BFF's key store holds them.
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sign = () => new SignJWT({ scope: 'Incident_View', tenant_id: 't_x' }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).setIssuer(issuer).setAudience(issuer).setSubject('u_x').setIssuedAt().setExpirationTime('15m').setJti(crypto.randomUUID()).sign(privateKey);
  const fixedToken = await sign();

  const database = await openDatabase({ url: `file:${file}` });
  const deps = await createDeps({ database, clock: systemClock, config: defaultConfig({ issuer }) });

  const origins: Record<Baseline, string> = {
    nodeHttp: await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }),
    ),
    hono: await honoOn(new Hono().get('/', (c) => c.json({ ok: true }))),
    honoPointQuery: await honoOn(new Hono().get('/grant/:id', (c) => c.json(pointRead(c.req.param('id'))))),
    honoJose: await honoOn(
      new Hono().get('/', async (c) => {
        await jwtVerify(fixedToken, publicKey, { issuer, audience: issuer, algorithms: ['ES256'] });
        return c.json({ token: await sign() });
      }),
    ),
    authNoop: await honoOn(new Hono().use(requireCaller(deps)).get('/', (c) => c.json({ ok: true }))),
    authPointQuery: await honoOn(new Hono().use(requireCaller(deps)).get('/grant/:id', (c) => c.json(pointRead(c.req.param('id'))))),
  };
  console.log(JSON.stringify(origins));
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(process.argv[2]!, process.argv[3]!).catch((err) => {
  console.error(err);
  process.exit(1);
});
