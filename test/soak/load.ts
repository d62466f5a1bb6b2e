// The soak's load generator, in its own process (autocannon), so it never shares the server's
// event loop:  node --import tsx test/soak/load.ts <spec file> <report file>
// Each connection cycles through a mixed sequence: the tenant context, an explanation, a token
// exchange (a write: audit, recents, last access), its introspection, and the revocation of the
// token just issued (a write). Every acknowledged write's jti goes into the report, so the caller
// can look for each one in the database afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface SoakSpec {
  url: string;
  seconds: number;
  connections: number;
  session: string;
  consoleAuthorization: string;
  audiences: string[];
  explainTenant: string;
}

export interface SoakLoadReport {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Per request kind, per status ("0" for a connection error or timeout). */
  statuses: Record<string, Record<string, number>>;
  connectionErrors: number;
  timeouts: number;
  acknowledged: { exchanged: string[]; revoked: string[] };
}

const jtiOf = (token: string) => String(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).jti);

async function main() {
  const [specFile, reportFile] = process.argv.slice(2);
  const spec = JSON.parse(readFileSync(specFile!, 'utf8')) as SoakSpec;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(spec.url).hostname)) throw new Error('the soak runs against loopback only');
  const statuses: SoakLoadReport['statuses'] = {};
  const count = (kind: string, status: number) => {
    const byStatus = (statuses[kind] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const exchanged: string[] = [];
  const revoked: string[] = [];
  const bearer = { authorization: `Bearer ${spec.session}` };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  let turn = 0;

  type Ctx = { token?: string };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 10,
    requests: [
      { method: 'GET', path: '/v1/me/context', headers: bearer, onResponse: (status: number) => count('context', status) },
      { method: 'GET', path: `/v1/access/explain?tenant=${spec.explainTenant}&permission=Incident_View`, headers: bearer, onResponse: (status: number) => count('explain', status) },
      {
        method: 'POST',
        path: '/oauth/token',
        headers: form,
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            client_id: 'switchboard-extension',
            subject_token: spec.session,
            subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            audience: spec.audiences[turn++ % spec.audiences.length]!,
          }).toString(),
        }),
        onResponse: (status: number, body: string, context: Ctx) => {
          count('exchange', status);
          context.token = undefined;
          if (status === 200) {
            context.token = (JSON.parse(body) as { access_token: string }).access_token;
            exchanged.push(jtiOf(context.token));
          }
        },
      },
      {
        method: 'POST',
        path: '/oauth/introspect',
        headers: { ...form, authorization: spec.consoleAuthorization },
        setupRequest: (req: Record<string, unknown>, context: Ctx) => ({ ...req, body: new URLSearchParams({ token: context.token ?? 'none' }).toString() }),
        onResponse: (status: number) => count('introspect', status),
      },
      {
        method: 'POST',
        path: '/oauth/revoke',
        headers: { ...form, ...bearer },
        setupRequest: (req: Record<string, unknown>, context: Ctx) => ({ ...req, body: new URLSearchParams({ token: context.token ?? 'none' }).toString() }),
        onResponse: (status: number, _body: string, context: Ctx) => {
          count('revoke', status);
          if (status === 200 && context.token) revoked.push(jtiOf(context.token));
        },
      },
    ],
  });

  const report: SoakLoadReport = {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    acknowledged: { exchanged, revoked },
  };
  writeFileSync(reportFile!, JSON.stringify(report));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
