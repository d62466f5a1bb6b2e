import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationResponseSchema } from '../../shared/access-admin';
import { DEMO } from '../db/seed';
import { HOUR, startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let admin: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
  admin = await world.signIn(DEMO.users.contosoAdmin.email);
});
afterAll(() => world.close());

const invite = async (email: string) => {
  const res = await world.app.request(`/v1/admin/tenants/${DEMO.tenants.globex}/invitations`, {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ email, role: 'read_only' }),
  });
  expect(res.status).toBe(201);
  return invitationResponseSchema.parse(await res.json());
};
const accept = (token: string, password = 'a-long-enough-password') =>
  world.app.request('/v1/invitations/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Invitee', password }) });

describe('POST /v1/invitations/accept', () => {
  it('two acceptances of one link at once: one account, one refusal', async () => {
    const { token } = await invite('twice@globex.example');
    const statuses = (await Promise.all([accept(token), accept(token)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 404]);
  });

  it('an expired link answers like an unknown one; a short password is a 400', async () => {
    const { token } = await invite('late@globex.example');
    expect((await accept(token, 'short')).status).toBe(400);
    world.clock.advance(7 * 24 * HOUR);
    const late = await accept(token);
    expect(late.status).toBe(404);
    expect(await late.text()).toBe(await (await accept('y'.repeat(43))).text());
  });
});
