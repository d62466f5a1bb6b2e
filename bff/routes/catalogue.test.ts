import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueResponseSchema } from '../../shared/catalogue-response';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ seed: false });
});
afterAll(() => world.close());

describe('GET /v1/catalogue', () => {
  it('publishes packages, add-ons, permission sets and roles without sign-in', async () => {
    const res = await fetch(`${world.baseUrl}/v1/catalogue`);
    expect(res.status).toBe(200);
    const body = catalogueResponseSchema.parse(await res.json());
    expect(body.packages.filter((p) => p.always_on).map((p) => p.name)).toEqual(['Hybrid Discovery and Monitoring']);
    expect(body.permission_sets.find((s) => s.id === 'jobs')).toMatchObject({ package: 'remediation_automation', permissions: ['Jobs_View', 'Jobs_Manage'] });
    expect(body.roles.find((r) => r.id === 'operator')?.permissions).toContain('MaintenanceWindows_ManageOwn');
    const permissionIds = new Set(body.permission_sets.flatMap((s) => s.permissions));
    for (const role of body.roles) for (const p of role.permissions) expect(permissionIds.has(p)).toBe(true);
  });
});
