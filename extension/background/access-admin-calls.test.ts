// @vitest-environment node
// The background's access-admin calls against the real BFF in-process (temp-file libSQL, the demo
// MSP): what the page gets back for a summary, a stale edit, a refusal and a request for more time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContextSchema } from '../../shared/tenant-context';
import { ANALYST_EMAIL, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { accessAdminCall, isAccessAdminRequest, requestMoreTime } from './access-admin-calls';

let w: BffWorld;
let admin: string;
let analyst: string;
let grantOf: (tenantId: string) => Promise<string>;
beforeAll(async () => {
  w = await startBffWorld();
  admin = await w.world.signIn('admin@contoso-msp.example');
  analyst = await w.world.signIn(ANALYST_EMAIL);
  grantOf = async (tenantId) => {
    const context = tenantContextSchema.parse(await (await w.bff.v1.me.context.$get(undefined, { headers: { authorization: `Bearer ${analyst}` } })).json());
    return context.customers.find((c) => c.tenant_id === tenantId)!.grant_id;
  };
});
afterAll(() => w.world.close());

const HOUR = 3_600_000;

describe('access-admin calls through the typed client', () => {
  it('routes only the access-admin requests', () => {
    expect(isAccessAdminRequest({ type: 'access.grants.remove', grantId: 'g', version: 1 })).toBe(true);
    expect(isAccessAdminRequest({ type: 'access.explain', tenantId: 't_acme' })).toBe(false);
    expect(isAccessAdminRequest({ type: 'access.moreTime.request', tenantId: 't_acme', reason: 'r' })).toBe(false);
  });

  it('previews an extension as the BFF’s change summary, then refuses a stale version with the current grant, then extends', async () => {
    const grantId = await grantOf('t_globex');
    const preview = await accessAdminCall(w.bff, admin, { type: 'access.grants.preview', grantId, edit: { version: 1, duration: { kind: 'hours', hours: 48 } } });
    expect(preview).toMatchObject({ ok: true, summaries: [{ customer: { id: 't_globex' }, changed: [{ field: 'expires_at', to: new Date(w.now() + 48 * HOUR).toISOString() }] }] });

    const stale = await accessAdminCall(w.bff, admin, { type: 'access.grants.extend', grantId, version: 7, duration: { kind: 'hours', hours: 48 } });
    expect(stale).toMatchObject({ ok: false, error: 'conflict', current: { id: grantId, version: 1 } });
    expect(stale.ok === false && stale.message).toBeTruthy();

    const extended = await accessAdminCall(w.bff, admin, { type: 'access.grants.extend', grantId, version: 1, duration: { kind: 'hours', hours: 48 } });
    expect(extended).toMatchObject({ ok: true, grant: { id: grantId, version: 2, expires_at: new Date(w.now() + 48 * HOUR).toISOString() } });
  });

  it('answers an analyst’s attempt with the BFF’s reason, naming the missing permission', async () => {
    const refused = await accessAdminCall(w.bff, analyst, { type: 'access.grants.remove', grantId: await grantOf('t_acme'), version: 1 });
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
    expect(refused.ok === false && refused.message).toMatch(/Clients_Manage/);
  });

  it('sends the analyst’s request for more time; the administrator sees it pending and approves it with a new expiry', async () => {
    const grantId = await grantOf('t_globex');
    const sent = await requestMoreTime(w.bff, analyst, grantId, { reason: 'incident 4411 still open' });
    expect(sent).toMatchObject({ ok: true, request: { grant_id: grantId, state: 'pending', reason: 'incident 4411 still open' } });
    const listed = await accessAdminCall(w.bff, admin, { type: 'access.requests.list', state: 'pending' });
    expect(listed).toMatchObject({ ok: true, requests: [{ grant_id: grantId, state: 'pending' }] });
    const until = new Date(w.now() + 72 * HOUR).toISOString();
    const id = sent.ok ? sent.request.id : '';
    const decided = await accessAdminCall(w.bff, admin, { type: 'access.requests.decide', decisions: [{ id, decision: 'approve', expires_at: until }] });
    expect(decided).toMatchObject({ ok: true, requests: [{ id, state: 'approved', approved_expires_at: until }] });
    const context = tenantContextSchema.parse(await (await w.bff.v1.me.context.$get(undefined, { headers: { authorization: `Bearer ${analyst}` } })).json());
    expect(context.customers.find((c) => c.tenant_id === 't_globex')?.expires_at).toBe(until);
  });

  it('says there is nothing to extend without a grant', async () => {
    expect(await requestMoreTime(w.bff, analyst, null, { reason: 'r' })).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('removes a grant and answers its summary', async () => {
    const grantId = await grantOf('t_acme');
    const removed = await accessAdminCall(w.bff, admin, { type: 'access.grants.remove', grantId, version: 1 });
    expect(removed).toMatchObject({ ok: true, grant: { id: grantId, state: 'revoked' }, summary: { updated: null } });
  });
});
