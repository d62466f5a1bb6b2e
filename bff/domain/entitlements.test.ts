import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ADDONS,
  ADDON_IDS,
  BASE_PACKAGE,
  PACKAGE_IDS,
  PERMISSION_SETS,
  PERMISSION_SET_IDS,
  type AddonId,
  type PackageId,
} from '../../shared/catalogue';
import {
  computeEntitlements,
  enabledPackages,
  packageDeniedMessage,
  subscriptionProblems,
  type Entitlements,
  type SubscriptionFacts,
} from './entitlements';

// Chains are root first: [service provider, partner, client].

const ALL_PACKAGES: PackageId[] = [...PACKAGE_IDS];
const ALL_ADDONS: AddonId[] = [...ADDON_IDS];

function sp(over: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return { id: 't-sp', name: 'Switchboard SP', kind: 'service_provider', inheritsSubscriptions: false, packages: ALL_PACKAGES, addons: ALL_ADDONS, ...over };
}
function partner(over: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return { id: 't-acme', name: 'Acme MSP', kind: 'partner', inheritsSubscriptions: false, packages: [], addons: [], ...over };
}
function client(over: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return { id: 't-globex', name: 'Globex', kind: 'client', inheritsSubscriptions: false, packages: [], addons: [], ...over };
}

const pkg = (e: Entitlements, id: PackageId) => e.packages.find((p) => p.id === id)!;
const addon = (e: Entitlements, id: AddonId) => e.addons.find((a) => a.id === id)!;
const set = (e: Entitlements, id: string) => e.permissionSets.find((s) => s.id === id);
const enabledAddons = (e: Entitlements) => new Set(e.addons.filter((a) => a.enabled).map((a) => a.id));

const ACME = { id: 't-acme', name: 'Acme MSP' };
const GLOBEX = { id: 't-globex', name: 'Globex' };
const SP_WHO = { id: 't-sp', name: 'Switchboard SP' };

describe('computeEntitlements: packages', () => {
  it('refuses an empty chain', () => {
    expect(() => computeEntitlements([])).toThrow();
  });

  it('lists every package and add-on once, for the last tenant of the chain', () => {
    const e = computeEntitlements([sp(), partner(), client()]);
    expect(e.tenantId).toBe('t-globex');
    expect(e.packages.map((p) => p.id).sort()).toEqual([...PACKAGE_IDS].sort());
    expect(e.addons.map((a) => a.id).sort()).toEqual([...ADDON_IDS].sort());
  });

  it('the base package (Hybrid Discovery and Monitoring) is always on, source default, at every level', () => {
    const bare = { packages: [] as string[], addons: [] as string[] };
    for (const chain of [
      [sp(bare)],
      [sp(bare), partner(bare)],
      [sp(bare), partner(bare), client(bare)],
      [sp(bare), partner(bare), client({ ...bare, inheritsSubscriptions: true })],
    ]) {
      const base = pkg(computeEntitlements(chain), BASE_PACKAGE);
      expect(base.enabled).toBe(true);
      expect(base.source).toBe('default');
      expect(base.name).toBe('Hybrid Discovery and Monitoring');
    }
  });

  it("own subscription: a partner's own package is enabled, source own, decided by the partner", () => {
    const e = computeEntitlements([sp(), partner({ packages: ['event_incident_management'] })]);
    expect(pkg(e, 'event_incident_management')).toMatchObject({ enabled: true, source: 'own', decidedBy: ACME });
    expect(pkg(e, 'remediation_automation')).toMatchObject({ enabled: false, source: 'own', decidedBy: ACME });
    expect(pkg(e, 'remediation_automation').reason).toContain('Acme MSP');
  });

  it("own subscription: a non-inheriting client's own package, when the partner has it too", () => {
    const e = computeEntitlements([sp(), partner({ packages: ALL_PACKAGES }), client({ packages: ['remediation_automation'] })]);
    expect(pkg(e, 'remediation_automation')).toMatchObject({ enabled: true, source: 'own', decidedBy: GLOBEX });
    // The partner has Event and Incident Management but the client did not subscribe: off, and the client decided.
    expect(pkg(e, 'event_incident_management')).toMatchObject({ enabled: false, source: 'own', decidedBy: GLOBEX });
  });

  it("an inheriting client takes its partner's packages (source inherited, decided by the partner)", () => {
    const e = computeEntitlements([
      sp(),
      partner({ packages: ['event_incident_management'] }),
      client({ inheritsSubscriptions: true, packages: ['remediation_automation'] }),
    ]);
    expect(pkg(e, 'event_incident_management')).toMatchObject({ enabled: true, source: 'inherited', decidedBy: ACME });
    expect(pkg(e, 'event_incident_management').reason).toContain('Acme MSP');
    // Its own list is ignored while it inherits: the partner has no Remediation, so neither does it.
    expect(pkg(e, 'remediation_automation')).toMatchObject({ enabled: false, source: 'inherited', decidedBy: ACME });
  });

  it('client subscribed but partner not: denied, source inherited, decided by the partner', () => {
    const e = computeEntitlements([sp(), partner({ packages: [] }), client({ packages: ['remediation_automation'] })]);
    const r = pkg(e, 'remediation_automation');
    expect(r).toMatchObject({ enabled: false, source: 'inherited', decidedBy: ACME });
    expect(r.reason).toContain('Acme MSP');
    expect(r.reason).toContain('Remediation and Automation');
  });

  it('client and partner subscribed but the service provider not: denied, decided by the service provider', () => {
    const e = computeEntitlements([
      sp({ packages: [BASE_PACKAGE] }),
      partner({ packages: ['remediation_automation'] }),
      client({ packages: ['remediation_automation'] }),
    ]);
    expect(pkg(e, 'remediation_automation')).toMatchObject({ enabled: false, source: 'inherited', decidedBy: SP_WHO });
  });

  it('a service provider (no parent) gets exactly what it subscribes to', () => {
    const e = computeEntitlements([sp({ packages: ['remediation_automation'] })]);
    expect([...enabledPackages(e)].sort()).toEqual([BASE_PACKAGE, 'remediation_automation'].sort());
    expect(pkg(e, 'remediation_automation')).toMatchObject({ source: 'own', decidedBy: SP_WHO });
  });

  it('unknown package ids in a subscription are ignored', () => {
    const e = computeEntitlements([sp({ packages: ['quantum_package'] })]);
    expect([...enabledPackages(e)]).toEqual([BASE_PACKAGE]);
  });
});

describe('computeEntitlements: add-ons', () => {
  it('an add-on needs its package, even when the tenant added it', () => {
    const e = computeEntitlements([sp(), partner({ packages: [], addons: ['remote_access_management'] })]);
    const a = addon(e, 'remote_access_management');
    expect(a.enabled).toBe(false);
    expect(a.package).toBe('remediation_automation');
    expect(a.reason).toContain('Remediation and Automation');
  });

  it('an add-on is on with its package and the tenant having added it', () => {
    const e = computeEntitlements([sp(), partner({ packages: ['remediation_automation'], addons: ['remote_access_management', 'log_management'] })]);
    expect(addon(e, 'remote_access_management')).toMatchObject({ enabled: true, source: 'own', decidedBy: ACME });
    expect(addon(e, 'log_management')).toMatchObject({ enabled: true, source: 'own', decidedBy: ACME }); // base-package add-on
    expect(addon(e, 'process_automation')).toMatchObject({ enabled: false, source: 'own', decidedBy: ACME });
  });

  it('a package without any add-on chosen enables no add-on', () => {
    const e = computeEntitlements([sp(), partner({ packages: ALL_PACKAGES, addons: [] })]);
    expect(enabledAddons(e).size).toBe(0);
  });

  it("a client's add-on never exceeds its partner's", () => {
    const e = computeEntitlements([
      sp(),
      partner({ packages: ALL_PACKAGES, addons: [] }),
      client({ packages: ALL_PACKAGES, addons: ['sla_management'] }),
    ]);
    expect(addon(e, 'sla_management')).toMatchObject({ enabled: false, source: 'inherited', decidedBy: ACME });
    expect(addon(e, 'sla_management').reason).toContain('Acme MSP');
  });

  it("an inheriting client takes its partner's add-ons", () => {
    const e = computeEntitlements([
      sp(),
      partner({ packages: ['event_incident_management'], addons: ['sla_management', 'batch_exports'] }),
      client({ inheritsSubscriptions: true }),
    ]);
    expect(addon(e, 'sla_management')).toMatchObject({ enabled: true, source: 'inherited', decidedBy: ACME });
    expect(addon(e, 'batch_exports')).toMatchObject({ enabled: true, source: 'inherited', decidedBy: ACME });
    expect(addon(e, 'process_automation').enabled).toBe(false);
  });

  it('an add-on whose package the partner lacks is off for the client, decided by the partner', () => {
    const e = computeEntitlements([
      sp(),
      partner({ packages: [], addons: [] }),
      client({ packages: ['remediation_automation'], addons: ['process_automation'] }),
    ]);
    expect(addon(e, 'process_automation')).toMatchObject({ enabled: false, source: 'inherited', decidedBy: ACME });
  });
});

describe('computeEntitlements: permission sets', () => {
  it('each package-gated permission set follows its package', () => {
    const e = computeEntitlements([sp(), partner({ packages: ['event_incident_management'] }), client({ inheritsSubscriptions: true })]);
    const enabled = enabledPackages(e);
    for (const s of e.permissionSets) {
      if (s.package === null) continue;
      expect(s.package).toBe(PERMISSION_SETS[s.id].package);
      expect(s.enabled, s.id).toBe(enabled.has(s.package));
    }
    expect(set(e, 'incident')!.enabled).toBe(true);
    expect(set(e, 'jobs')!.enabled).toBe(false);
    expect(set(e, 'monitoring')!.enabled).toBe(true);
  });

  it("a disabled set's reason carries seed 000's warning naming the package", () => {
    const e = computeEntitlements([sp(), partner({ packages: [] }), client()]);
    expect(set(e, 'jobs')!.reason).toContain('Access Denied! The partner is not subscribed to this product package (Remediation and Automation).');
    expect(set(e, 'opsq')!.reason).toContain('Access Denied! The partner is not subscribed to this product package (Event and Incident Management).');
    expect(set(e, 'jobs')!.decidedBy).toEqual(GLOBEX);
  });

  it('a client lists only customer-scope permission sets', () => {
    const e = computeEntitlements([sp(), partner(), client()]);
    const ids = e.permissionSets.map((s) => s.id);
    expect(ids).not.toContain('msp');
    expect(ids).not.toContain('clients');
    expect(e.permissionSets.every((s) => PERMISSION_SETS[s.id].scope === 'customer')).toBe(true);
    expect(ids.sort()).toEqual(PERMISSION_SET_IDS.filter((id) => PERMISSION_SETS[id].scope === 'customer').sort());
  });

  it('a partner lists partner-scope sets too, enabled by default (not gated)', () => {
    const e = computeEntitlements([sp(), partner()]);
    expect(set(e, 'msp')).toMatchObject({ enabled: true, source: 'default', package: null });
    expect(set(e, 'clients')).toMatchObject({ enabled: true, source: 'default', package: null });
    expect(e.permissionSets.map((s) => s.id).sort()).toEqual([...PERMISSION_SET_IDS].sort());
  });
});

describe('packageDeniedMessage and enabledPackages', () => {
  it("reproduces seed 000's warning with the package named", () => {
    expect(packageDeniedMessage('remediation_automation')).toBe(
      'Access Denied! The partner is not subscribed to this product package (Remediation and Automation).',
    );
    expect(packageDeniedMessage('event_incident_management')).toBe(
      'Access Denied! The partner is not subscribed to this product package (Event and Incident Management).',
    );
  });

  it('enabledPackages returns exactly the enabled ids', () => {
    const e = computeEntitlements([sp(), partner({ packages: ['remediation_automation'] })]);
    expect([...enabledPackages(e)].sort()).toEqual([BASE_PACKAGE, 'remediation_automation'].sort());
  });
});

describe('subscriptionProblems', () => {
  const acmeWithEvent = computeEntitlements([sp(), partner({ packages: ['event_incident_management'], addons: ['sla_management', 'log_management'] })]);

  it('accepts a subscription within the parent', () => {
    expect(subscriptionProblems(client({ packages: ['event_incident_management'], addons: ['sla_management', 'log_management'] }), acmeWithEvent)).toEqual([]);
  });

  it('rejects a package the parent does not have', () => {
    const problems = subscriptionProblems(client({ packages: ['remediation_automation'] }), acmeWithEvent);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Remediation and Automation');
  });

  it('rejects an add-on the parent has not added', () => {
    const problems = subscriptionProblems(client({ packages: ['event_incident_management'], addons: ['sms_and_voice'] }), acmeWithEvent);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SMS and Voice');
  });

  it("rejects an add-on without its package (even with no parent)", () => {
    const problems = subscriptionProblems(sp({ packages: [], addons: ['process_automation'] }), null);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Process Automation');
    expect(problems[0]).toContain('Remediation and Automation');
  });

  it('a base-package add-on needs no package listed', () => {
    expect(subscriptionProblems(sp({ packages: [], addons: ['log_management', 'batch_exports'] }), null)).toEqual([]);
  });

  it('without a parent, only the catalogue limits the subscription', () => {
    expect(subscriptionProblems(sp(), null)).toEqual([]);
  });

  it('reports unknown packages and add-ons', () => {
    const problems = subscriptionProblems(client({ packages: ['quantum_package'], addons: ['time_travel'] }), acmeWithEvent);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('quantum_package');
    expect(problems.join('\n')).toContain('time_travel');
  });

  it('reports an add-on id that happens to be an Object.prototype key as unknown (no crash)', () => {
    // Input to a validator: must not throw a TypeError on inherited property names.
    for (const id of ['constructor', 'toString', '__proto__']) {
      expect(() => subscriptionProblems(client({ addons: [id] }), null), id).not.toThrow();
      expect(subscriptionProblems(client({ addons: [id] }), null), id).toEqual([expect.stringContaining(id)]);
    }
  });

  it('agrees with computeEntitlements: no problems ⇒ the child gets exactly what it asked for', () => {
    const child = client({ packages: ['event_incident_management'], addons: ['sla_management'] });
    expect(subscriptionProblems(child, acmeWithEvent)).toEqual([]);
    const e = computeEntitlements([sp(), partner({ packages: ['event_incident_management'], addons: ['sla_management', 'log_management'] }), child]);
    expect([...enabledPackages(e)].sort()).toEqual([BASE_PACKAGE, 'event_incident_management'].sort());
    expect([...enabledAddons(e)]).toEqual(['sla_management']);
  });
});

describe('computeEntitlements: properties', () => {
  const facts = (id: string, name: string, kind: SubscriptionFacts['kind']) =>
    fc
      .record({
        inheritsSubscriptions: fc.boolean(),
        packages: fc.subarray<string>([...PACKAGE_IDS]),
        addons: fc.subarray<string>([...ADDON_IDS]),
      })
      .map((r): SubscriptionFacts => ({ id, name, kind, ...r }));
  const chainArb = fc.tuple(facts('t-sp', 'Switchboard SP', 'service_provider'), facts('t-acme', 'Acme MSP', 'partner'), facts('t-globex', 'Globex', 'client'));

  it("a client's enabled packages and add-ons are a subset of its partner's (and the partner's of the SP's)", () => {
    fc.assert(
      fc.property(chainArb, ([s, p, c]) => {
        const ofSp = computeEntitlements([s]);
        const ofPartner = computeEntitlements([s, p]);
        const ofClient = computeEntitlements([s, p, c]);
        for (const id of enabledPackages(ofClient)) expect(enabledPackages(ofPartner).has(id), id).toBe(true);
        for (const id of enabledPackages(ofPartner)) expect(enabledPackages(ofSp).has(id), id).toBe(true);
        for (const id of enabledAddons(ofClient)) expect(enabledAddons(ofPartner).has(id), id).toBe(true);
        for (const id of enabledAddons(ofPartner)) expect(enabledAddons(ofSp).has(id), id).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('every enabled add-on has its package enabled; every gated set follows its package; base always on', () => {
    fc.assert(
      fc.property(chainArb, fc.integer({ min: 1, max: 3 }), (chain, n) => {
        const e = computeEntitlements(chain.slice(0, n));
        const on = enabledPackages(e);
        expect(on.has(BASE_PACKAGE)).toBe(true);
        for (const a of e.addons) {
          expect(a.package).toBe(ADDONS[a.id].package);
          if (a.enabled) expect(on.has(a.package), a.id).toBe(true);
        }
        for (const s of e.permissionSets) if (s.package !== null) expect(s.enabled, s.id).toBe(on.has(s.package));
      }),
      { numRuns: 300 },
    );
  });

  it('a non-inheriting tenant never has a non-base package or add-on it did not subscribe to', () => {
    fc.assert(
      fc.property(chainArb, ([s, p, c]) => {
        const leaf = { ...c, inheritsSubscriptions: false };
        const e = computeEntitlements([s, p, leaf]);
        for (const id of enabledPackages(e)) if (id !== BASE_PACKAGE) expect(leaf.packages).toContain(id);
        for (const id of enabledAddons(e)) expect(leaf.addons).toContain(id);
      }),
      { numRuns: 300 },
    );
  });

  it('an inheriting client has exactly its partner\'s packages and add-ons', () => {
    fc.assert(
      fc.property(chainArb, ([s, p, c]) => {
        const ofPartner = computeEntitlements([s, p]);
        const ofClient = computeEntitlements([s, p, { ...c, inheritsSubscriptions: true }]);
        expect([...enabledPackages(ofClient)].sort()).toEqual([...enabledPackages(ofPartner)].sort());
        expect([...enabledAddons(ofClient)].sort()).toEqual([...enabledAddons(ofPartner)].sort());
      }),
      { numRuns: 300 },
    );
  });
});
