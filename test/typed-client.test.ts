// The contract as the extension will use it: Hono's typed client over AppType, answers parsed by
// the shared zod schemas. A route whose shape drifts from shared/ fails here (or in tsc).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hc } from 'hono/client';
import type { AppType } from '../bff/app';
import { DEMO, DEMO_PASSWORD } from '../bff/db/seed';
import { explainResponseSchema } from '../shared/access-explain';
import { entitlementsResponseSchema } from '../shared/entitlements';
import { sessionResponseSchema } from '../shared/session';
import { tenantContextSchema } from '../shared/tenant-context';
import { errorBodySchema } from '../shared/errors';
import { startTestWorld, type TestWorld } from './helpers/test-server';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

describe('hc<AppType> against a real server', () => {
  it('signs in, reads the context, explains and lists entitlements with typed calls', async () => {
    const client = hc<AppType>(world.baseUrl);
    const signIn = await client.v1.session.$post({ json: { email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD } });
    expect(signIn.status).toBe(200);
    const session = sessionResponseSchema.parse(await signIn.json());

    const authed = hc<AppType>(world.baseUrl, { headers: { authorization: `Bearer ${session.session_token}` } });
    const context = tenantContextSchema.parse(await (await authed.v1.me.context.$get()).json());
    expect(context.customers.length).toBe(4 + DEMO.generatedCustomers);

    const explain = await authed.v1.access.explain.$get({ query: { tenant: DEMO.tenants.acme, permission: 'Incident_View' } });
    expect(explainResponseSchema.parse(await explain.json()).decision).toBe('allow');

    const entitlements = await authed.v1.tenants[':tenantId'].entitlements.$get({ param: { tenantId: DEMO.tenants.globex } });
    expect(entitlementsResponseSchema.parse(await entitlements.json()).tenant.id).toBe(DEMO.tenants.globex);
  });

  it('gets the shared error envelope on a typed call that fails', async () => {
    const client = hc<AppType>(world.baseUrl);
    const res = await client.v1.session.$post({ json: { email: DEMO.users.contosoAnalyst.email, password: 'wrong' } });
    expect(res.status).toBe(401);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('unauthorized');
  });
});
