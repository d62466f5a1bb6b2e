// Adds a partner analyst with N customers (each with an approved relationship and a grant) to a
// seeded database: the 10,000-customer analyst of the benchmarks and the scale tests.
import type { Database } from '../../bff/db/client';
import { accessGrants, memberships, relationships, tenantPackages, tenants, users } from '../../bff/db/schema';
import { hashPassword } from '../../bff/auth/passwords';
import { DEMO } from '../../bff/db/seed';

export const LARGE_ANALYST = { id: 'u_large_analyst', email: 'large-analyst@contoso-msp.example', password: 'large-analyst-password' };

export async function addLargePartnerAnalyst(database: Database, customers: number, now: Date): Promise<void> {
  const passwordHash = await hashPassword(LARGE_ANALYST.password);
  const partnerId = DEMO.tenants.contoso;
  await database.write(async (tx) => {
    await tx.insert(users).values({ id: LARGE_ANALYST.id, email: LARGE_ANALYST.email, name: 'Large Analyst', homeTenantId: partnerId, passwordHash, createdAt: now });
    await tx.insert(memberships).values({ userId: LARGE_ANALYST.id, tenantId: partnerId, role: 'partner_analyst' });
    const batch = 500;
    for (let start = 0; start < customers; start += batch) {
      const ids = Array.from({ length: Math.min(batch, customers - start) }, (_, i) => `t_large_${String(start + i).padStart(5, '0')}`);
      await tx.insert(tenants).values(ids.map((id, i) => ({ id, kind: 'client' as const, parentId: partnerId, name: `Large Customer ${start + i}`, country: 'US', timezone: 'UTC', createdAt: now })));
      await tx.insert(tenantPackages).values(ids.flatMap((tenantId) => [{ tenantId, packageId: 'hybrid_discovery_monitoring' }, { tenantId, packageId: 'event_incident_management' }]));
      await tx.insert(relationships).values(ids.map((id) => ({ id: `r_${id}`, partnerId, customerId: id, state: 'approved' as const, requestedAt: now, approvedAt: now })));
      await tx.insert(accessGrants).values(
        ids.map((id, i) => ({
          id: `g_${id}`,
          userId: LARGE_ANALYST.id,
          partnerId,
          customerId: id,
          platformAdmin: i % 7 === 0,
          role: i % 2 ? 'operator' : 'read_only',
          products: ['hybrid_discovery_monitoring', 'event_incident_management'],
          expiresAt: i % 3 ? null : new Date(now.getTime() + (i + 1) * 3600_000),
          grantedBy: DEMO.users.contosoAdmin.id,
          grantedAt: now,
        })),
      );
    }
  });
}
