import { describe, expect, it } from 'vitest';
import { explainResponseSchema, type ExplainResponse } from '../../shared/access-explain';
import { entitlementsResponseSchema, type EntitlementsResponse } from '../../shared/entitlements';
import { ticketSummary } from './ticket-summary';

// Shaped like the BFF's answers for Globex (bff/routes/tenants.test.ts, access.test.ts), trimmed.
const globex = { id: 't_globex', name: 'Globex Manufacturing' };
const contoso = { id: 't_contoso', name: 'Contoso Managed Services' };
const DENIED = 'Access Denied! The partner is not subscribed to this product package (Remediation and Automation).';

const entitlements: EntitlementsResponse = entitlementsResponseSchema.parse({
  tenant: { ...globex, kind: 'client', status: 'active' },
  packages: [
    { id: 'hybrid_discovery_monitoring', name: 'Hybrid Discovery and Monitoring', enabled: true, source: 'default', decided_by: globex, reason: 'Hybrid Discovery and Monitoring is always on' },
    { id: 'event_incident_management', name: 'Event and Incident Management', enabled: true, source: 'inherited', decided_by: contoso, reason: 'inherited from Contoso Managed Services' },
    { id: 'remediation_automation', name: 'Remediation and Automation', enabled: false, source: 'own', decided_by: globex, reason: 'Globex Manufacturing is not subscribed to Remediation and Automation' },
  ],
  addons: [
    { id: 'process_automation', name: 'Process Automation', package: 'remediation_automation', enabled: false, source: 'own', decided_by: globex, reason: 'needs the Remediation and Automation package: Globex Manufacturing is not subscribed to Remediation and Automation' },
  ],
  permission_sets: [
    { id: 'incident', name: 'Incident', package: 'event_incident_management', enabled: true, source: 'inherited', decided_by: contoso, reason: 'Event and Incident Management subscribed' },
    { id: 'jobs', name: 'Jobs', package: 'remediation_automation', enabled: false, source: 'own', decided_by: globex, reason: `${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation.` },
    { id: 'consoles', name: 'Consoles', package: 'remediation_automation', enabled: false, source: 'own', decided_by: globex, reason: `${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation.` },
  ],
  evaluated_at: '2026-11-24T12:00:00.000Z',
});

const explanation: ExplainResponse = explainResponseSchema.parse({
  decision: 'deny',
  summary: `denied: ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`,
  user: { id: 'u_contoso_analyst', email: 'analyst@contoso-msp.example' },
  tenant: { ...globex, kind: 'client', status: 'active' },
  permission: 'Jobs_Manage',
  via: 'grant',
  role: 'admin',
  platform_admin: true,
  grant: { id: 'g_globex_analyst', expires_at: '2026-11-24T14:00:00.000Z', products: ['hybrid_discovery_monitoring'], revoked_at: null },
  effective_permissions: ['Incident_View'],
  reasons: [
    { code: 'grant_active', ok: true, message: 'grant g_globex_analyst (Admin, Platform Administrator, expires 2026-11-24T14:00:00Z)' },
    { code: 'package_not_subscribed', ok: false, message: `${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation` },
  ],
  evaluated_at: '2026-11-24T12:00:05.000Z',
});

const user = { id: 'u_contoso_analyst', email: 'analyst@contoso-msp.example', name: 'Ari Analyst' };
const detroit = { locale: 'en-US', timeZone: 'America/Detroit' };

describe('ticketSummary', () => {
  it('writes the tenant, the asker, the instant in ISO and local time, every package and add-on with its reason, and the denied permission sets', () => {
    expect(ticketSummary({ entitlements, user, explanation: null }, detroit)).toBe(
      [
        'Entitlements of Globex Manufacturing (t_globex)',
        'Asked by: Ari Analyst <analyst@contoso-msp.example> (u_contoso_analyst)',
        'Evaluated at: 2026-11-24T12:00:00.000Z (Nov 24, 2026, 7:00:00 AM EST)',
        '',
        'Packages:',
        '- Enabled: Hybrid Discovery and Monitoring (default): Hybrid Discovery and Monitoring is always on',
        '- Enabled: Event and Incident Management (inherited from Contoso Managed Services): inherited from Contoso Managed Services',
        '- Denied: Remediation and Automation (own): Globex Manufacturing is not subscribed to Remediation and Automation',
        '',
        'Add-ons:',
        '- Denied: Process Automation (own): needs the Remediation and Automation package: Globex Manufacturing is not subscribed to Remediation and Automation',
        '',
        'Denied permission sets: Jobs, Consoles',
        '',
      ].join('\n'),
    );
  });

  it('adds the last explanation: decision, summary, role, Platform Administrator, grant expiry and the numbered reasons marked ok or fails', () => {
    const text = ticketSummary({ entitlements, user, explanation }, detroit);
    expect(text.split('\n\n').at(-1)).toBe(
      [
        'Why (Jobs_Manage in Globex Manufacturing (t_globex), for analyst@contoso-msp.example): Denied',
        `denied: ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`,
        'Role: Admin (admin); Platform Administrator: yes; grant: g_globex_analyst, expires 2026-11-24T14:00:00.000Z (Nov 24, 2026, 9:00:00 AM EST)',
        'Evaluated at: 2026-11-24T12:00:05.000Z (Nov 24, 2026, 7:00:05 AM EST)',
        'Reasons:',
        '1. ✓ ok: grant g_globex_analyst (Admin, Platform Administrator, expires 2026-11-24T14:00:00Z)',
        `2. ✗ fails: ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`,
        '',
      ].join('\n'),
    );
  });

  it('shows local time in the zone it is given, ISO unchanged', () => {
    const tokyo = ticketSummary({ entitlements, user, explanation: null }, { locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    expect(tokyo).toContain('Evaluated at: 2026-11-24T12:00:00.000Z (24 Nov 2026, 21:00:00 GMT+9)');
  });

  it('says when nothing is denied, and words an explanation about entering an unknown tenant', () => {
    const allOn = { ...entitlements, permission_sets: entitlements.permission_sets.filter((s) => s.enabled) };
    const unknown: ExplainResponse = {
      ...explanation,
      decision: 'deny',
      summary: 'denied: no such tenant, or no access to it',
      tenant: null,
      permission: null,
      via: null,
      role: null,
      platform_admin: false,
      grant: null,
      reasons: [{ code: 'tenant_unknown', ok: false, message: 'no such tenant, or no access to it' }],
    };
    const text = ticketSummary({ entitlements: allOn, user, explanation: unknown }, detroit);
    expect(text).toContain('Denied permission sets: none\n');
    expect(text).toContain('Why (entering the tenant in an unknown tenant, for analyst@contoso-msp.example): Denied\n');
    expect(text).toContain('Role: none; Platform Administrator: no; grant: no grant\n');
    expect(text).toContain('1. ✗ fails: no such tenant, or no access to it\n');
  });

  it('names a permanent grant, a revoked one, and access through the home tenant', () => {
    const grant = (g: Partial<NonNullable<ExplainResponse['grant']>>) => ({ ...explanation, grant: { ...explanation.grant!, ...g } });
    expect(ticketSummary({ entitlements, user, explanation: grant({ expires_at: null }) }, detroit)).toContain('grant: g_globex_analyst, permanent\n');
    expect(ticketSummary({ entitlements, user, explanation: grant({ revoked_at: '2026-11-24T12:30:00.000Z' }) }, detroit)).toContain(
      ', revoked 2026-11-24T12:30:00.000Z (Nov 24, 2026, 7:30:00 AM EST)\n',
    );
    const member = { ...explanation, via: 'home_tenant' as const, grant: null, role: 'client_portal_read_only' };
    expect(ticketSummary({ entitlements, user, explanation: member }, detroit)).toContain(
      'Role: White labeled Client Portal (Read Only) (client_portal_read_only); Platform Administrator: yes; grant: no grant: membership of the home tenant\n',
    );
  });
});
