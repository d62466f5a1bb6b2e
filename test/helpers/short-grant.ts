// A Contoso customer whose analyst grant ends soon, created through the data layer (the admin API
// does not exist yet): for expiry badges, warnings and the moment access ends.
import type { Database } from '../../bff/db/client';
import { accessGrants, relationships, tenantPackages, tenants } from '../../bff/db/schema';
import { DEMO } from '../../bff/db/seed';

export const SHORT_CUSTOMER = { id: 't_hooli', name: 'Hooli Short Term' };

export async function addShortGrantCustomer(database: Database, now: Date, expiresAt: Date): Promise<void> {
  const partnerId = DEMO.tenants.contoso;
  const id = SHORT_CUSTOMER.id;
  await database.write(async (tx) => {
    await tx.insert(tenants).values({ id, kind: 'client', parentId: partnerId, name: SHORT_CUSTOMER.name, country: 'US', timezone: 'UTC', createdAt: now });
    await tx.insert(tenantPackages).values([
      { tenantId: id, packageId: 'hybrid_discovery_monitoring' },
      { tenantId: id, packageId: 'event_incident_management' },
    ]);
    await tx.insert(relationships).values({ id: `r_${id}`, partnerId, customerId: id, state: 'approved', requestedAt: now, approvedAt: now });
    await tx.insert(accessGrants).values({
      id: `g_${id}`,
      userId: DEMO.users.contosoAnalyst.id,
      partnerId,
      customerId: id,
      platformAdmin: false,
      role: 'operator',
      products: ['hybrid_discovery_monitoring', 'event_incident_management'],
      expiresAt,
      grantedBy: DEMO.users.contosoAdmin.id,
      grantedAt: now,
    });
  });
}
