import { describe, it, expect } from 'vitest';
import { canExplainFor, canSeeTenant, mayBeVisible, mayExplainForOthers, rolePermissions, type Viewer } from './visibility';

// Hierarchy used throughout (root first):
//   sp ─┬─ acme ─┬─ globex
//       │        └─ initech
//       └─ fabrikam ── umbrella
//   sp2 ── other ── hooli          (a second, unrelated service provider)
const CHAIN = {
  sp: ['sp'],
  acme: ['sp', 'acme'],
  globex: ['sp', 'acme', 'globex'],
  initech: ['sp', 'acme', 'initech'],
  fabrikam: ['sp', 'fabrikam'],
  umbrella: ['sp', 'fabrikam', 'umbrella'],
  sp2: ['sp2'],
  hooli: ['sp2', 'other', 'hooli'],
} as const;

const viewer = (homeTenantId: string, homeKind: Viewer['homeKind'], role: string | null, userId = 'u-viewer'): Viewer => ({
  userId,
  homeTenantId,
  homeKind,
  role,
});

const spSupport = viewer('sp', 'service_provider', 'sp_support'); // MSP_View, Clients_View
const spAdmin = viewer('sp', 'service_provider', 'sp_administrator');
const acmeAdmin = viewer('acme', 'partner', 'partner_administrator'); // MSP_View, Clients_View
const acmeAnalyst = viewer('acme', 'partner', 'partner_analyst'); // Clients_View only
const acmeNoRole = viewer('acme', 'partner', null);
const globexAdmin = viewer('globex', 'client', 'admin'); // customer permissions only

describe('rolePermissions', () => {
  it('gives the catalogue permissions of a known role and nothing for null or unknown roles', () => {
    expect(rolePermissions('partner_analyst')).toEqual(new Set(['Clients_View']));
    expect(rolePermissions(null).size).toBe(0);
    expect(rolePermissions('ghost').size).toBe(0);
  });
});

describe('canSeeTenant', () => {
  it('a viewer always sees their home tenant, whatever their role', () => {
    expect(canSeeTenant(globexAdmin, CHAIN.globex, false)).toBe(true);
    expect(canSeeTenant(acmeNoRole, CHAIN.acme, false)).toBe(true);
    expect(canSeeTenant(viewer('globex', 'client', null), CHAIN.globex, false)).toBe(true);
  });

  it('a viewer sees any tenant they hold (or held) a grant in, even outside their hierarchy', () => {
    expect(canSeeTenant(acmeNoRole, CHAIN.umbrella, true)).toBe(true);
    expect(canSeeTenant(globexAdmin, CHAIN.hooli, true)).toBe(true);
  });

  it('with MSP_View, a service-provider user sees every tenant below the SP', () => {
    for (const v of [spSupport, spAdmin]) {
      for (const chain of [CHAIN.acme, CHAIN.globex, CHAIN.initech, CHAIN.fabrikam, CHAIN.umbrella]) {
        expect(canSeeTenant(v, chain, false), chain.join('>')).toBe(true);
      }
    }
  });

  it('with Clients_View alone, a partner user sees the clients below their partner', () => {
    expect(canSeeTenant(acmeAnalyst, CHAIN.globex, false)).toBe(true);
    expect(canSeeTenant(acmeAnalyst, CHAIN.initech, false)).toBe(true);
  });

  it("never another partner's clients, a sibling partner, or the tenants above", () => {
    for (const v of [acmeAdmin, acmeAnalyst]) {
      expect(canSeeTenant(v, CHAIN.umbrella, false)).toBe(false);
      expect(canSeeTenant(v, CHAIN.fabrikam, false)).toBe(false);
      expect(canSeeTenant(v, CHAIN.sp, false)).toBe(false);
      expect(canSeeTenant(v, CHAIN.hooli, false)).toBe(false);
    }
  });

  it('a service-provider user never sees tenants of another service provider', () => {
    expect(canSeeTenant(spSupport, CHAIN.hooli, false)).toBe(false);
    expect(canSeeTenant(spSupport, CHAIN.sp2, false)).toBe(false);
  });

  it('without MSP_View or Clients_View, nothing below the home tenant is visible', () => {
    expect(canSeeTenant(acmeNoRole, CHAIN.globex, false)).toBe(false);
    expect(canSeeTenant(viewer('acme', 'partner', 'admin'), CHAIN.globex, false)).toBe(false); // customer role at a partner
    expect(canSeeTenant(viewer('acme', 'partner', 'platform_administrator'), CHAIN.globex, false)).toBe(false);
    expect(canSeeTenant(viewer('sp', 'service_provider', 'ghost'), CHAIN.globex, false)).toBe(false);
  });

  it('a client user sees no other client, even a sibling', () => {
    expect(canSeeTenant(globexAdmin, CHAIN.initech, false)).toBe(false);
    expect(canSeeTenant(globexAdmin, CHAIN.acme, false)).toBe(false);
  });

  it('the tenant itself is not "below" itself: the home check alone decides it', () => {
    // A tenant whose chain ends at the viewer's home tenant is the home tenant.
    expect(canSeeTenant(acmeNoRole, CHAIN.acme, false)).toBe(true);
    // A tenant that merely shares a prefix id is not below the home tenant.
    expect(canSeeTenant(acmeAnalyst, ['sp', 'acme-2', 'globex-2'], false)).toBe(false);
  });

  it('an empty chain (unknown tenant) is invisible without a grant', () => {
    expect(canSeeTenant(spSupport, [], false)).toBe(false);
  });
});

describe('canExplainFor', () => {
  it('anyone may explain their own access, whatever their role', () => {
    expect(canExplainFor(globexAdmin, 'u-viewer', CHAIN.globex)).toBe(true);
    expect(canExplainFor(viewer('globex', 'client', null, 'u-x'), 'u-x', CHAIN.globex)).toBe(true);
  });

  it('service-provider support (MSP_View) may explain for any user under the SP', () => {
    for (const v of [spSupport, spAdmin]) {
      expect(canExplainFor(v, 'u-globex', CHAIN.globex)).toBe(true);
      expect(canExplainFor(v, 'u-acme', CHAIN.acme)).toBe(true);
      expect(canExplainFor(v, 'u-umbrella', CHAIN.umbrella)).toBe(true);
    }
  });

  it('but not for users of another service provider', () => {
    expect(canExplainFor(spSupport, 'u-hooli', CHAIN.hooli)).toBe(false);
  });

  it('partner users may not explain for others, even with MSP_View and even below them', () => {
    expect(canExplainFor(acmeAdmin, 'u-globex', CHAIN.globex)).toBe(false);
    expect(canExplainFor(acmeAnalyst, 'u-globex', CHAIN.globex)).toBe(false);
    expect(canExplainFor(acmeAdmin, 'u-acme-colleague', CHAIN.acme)).toBe(false);
  });

  it('client users may not explain for others', () => {
    expect(canExplainFor(globexAdmin, 'u-globex-2', CHAIN.globex)).toBe(false);
  });

  it('a service-provider user without MSP_View may not explain for others', () => {
    expect(canExplainFor(viewer('sp', 'service_provider', 'partner_analyst'), 'u-globex', CHAIN.globex)).toBe(false);
    expect(canExplainFor(viewer('sp', 'service_provider', null), 'u-globex', CHAIN.globex)).toBe(false);
  });

  it('the SP kind alone is not enough: the home tenant must be in the subject chain', () => {
    expect(canExplainFor(viewer('sp2', 'service_provider', 'sp_support'), 'u-globex', CHAIN.globex)).toBe(false);
  });
});

describe('mayBeVisible (decided before any of the tenant is read)', () => {
  const at = (found: boolean, underHome: boolean, parentIsHome: boolean) => ({ found, underHome, parentIsHome });
  const analyst = viewer('t_partner', 'partner', 'partner_analyst');
  const member = viewer('t_partner', 'partner', 'read_only');
  const support = viewer('t_sp', 'service_provider', 'sp_support');

  it('is false for a missing tenant, even one named like the home tenant', () => {
    expect(mayBeVisible(analyst, 't_partner', at(false, false, false), null)).toBe(false);
    expect(mayBeVisible(analyst, 't_x', at(false, true, true), 't_partner')).toBe(false);
  });

  it('is true for the home tenant without a grant or a view permission', () => {
    expect(mayBeVisible(member, 't_partner', at(true, false, false), null)).toBe(true);
    expect(mayBeVisible(member, 't_other', at(true, false, false), null)).toBe(false);
  });

  it("needs both the viewer's own partner as the grant's and the tenant's parent for a grant to count", () => {
    expect(mayBeVisible(member, 't_client', at(true, true, true), 't_partner')).toBe(true);
    expect(mayBeVisible(member, 't_client', at(true, true, true), 't_elsewhere')).toBe(false);
    expect(mayBeVisible(member, 't_client', at(true, false, false), 't_partner')).toBe(false);
    expect(mayBeVisible(member, 't_client', at(true, true, true), null)).toBe(false);
  });

  it('shows what lies under the home tenant only with MSP_View or Clients_View', () => {
    expect(mayBeVisible(analyst, 't_client', at(true, true, false), null)).toBe(true);
    expect(mayBeVisible(support, 't_client', at(true, true, false), null)).toBe(true);
    expect(mayBeVisible(member, 't_client', at(true, true, false), null)).toBe(false);
    expect(mayBeVisible(analyst, 't_client', at(true, false, false), null)).toBe(false);
    expect(mayBeVisible(support, 't_client', at(true, false, false), null)).toBe(false);
  });

  it('lets only service-provider users with MSP_View resolve for others', () => {
    expect(mayExplainForOthers(support)).toBe(true);
    expect(mayExplainForOthers(viewer('t_partner', 'partner', 'partner_administrator'))).toBe(false);
    expect(mayExplainForOthers(viewer('t_sp', 'service_provider', 'read_only'))).toBe(false);
  });
});
