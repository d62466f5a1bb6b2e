// Customer entries and tenant contexts for extension tests, built to parse with the shared schemas
// (a fixture that drifts from the wire contract fails here, not in a confusing assertion later).
import { customerEntrySchema, tenantContextSchema, type CustomerEntry, type TenantContext } from '../../shared/tenant-context';

/** The demo MSP's customers of Contoso's analyst and Fabrikam's, by name. */
export const DEMO_NAMES = ['Acme Retail', 'Globex Manufacturing', 'Initech Finance', 'Umbrella Health', 'Wayne Logistics'] as const;

/** "Customer 0001 Holdings", "Customer 0002 Holdings", … */
export const generatedNames = (n: number) => Array.from({ length: n }, (_, i) => `Customer ${String(i + 1).padStart(4, '0')} Holdings`);

/** A switchable, permanent customer entry; `overrides` set what a test is about. */
export function customer(tenantId: string, name: string, overrides: Partial<CustomerEntry> = {}): CustomerEntry {
  return customerEntrySchema.parse({
    tenant_id: tenantId,
    name,
    status: 'active',
    relationship: 'approved',
    switchable: true,
    blocked: null,
    grant_id: `g_${tenantId}`,
    role: 'operator',
    platform_admin: false,
    products: ['event_incident_management'],
    expires_at: null,
    last_access_at: null,
    ...overrides,
  });
}

const home = { id: 't_contoso', name: 'Contoso Managed Services', kind: 'partner', status: 'active' } as const;

/** The demo analyst as the BFF summarises a user. */
export const ANALYST_USER = { id: 'u_contoso_analyst', email: 'analyst@contoso-msp.example', name: 'Ari Analyst', home_tenant: home, role: 'partner_analyst' } as const;

/** A tenant context for the demo analyst with these customers and recents. */
export function tenantContext(customers: CustomerEntry[], recents: string[] = [], generatedAt = '2026-11-24T12:00:00.000Z'): TenantContext {
  return tenantContextSchema.parse({
    user: ANALYST_USER,
    home_tenant: home,
    customers,
    recents: recents.map((tenant_id, i) => ({ tenant_id, switched_at: new Date(Date.parse(generatedAt) - i * 60_000).toISOString() })),
    generated_at: generatedAt,
  });
}

/** `n` generated customers ("Customer 0001 Holdings" is t_gen_0001). */
export const generatedCustomers = (n: number) => generatedNames(n).map((name, i) => customer(`t_gen_${String(i + 1).padStart(4, '0')}`, name));
