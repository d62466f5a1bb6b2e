// Entitlements of a tenant from its own subscriptions and its ancestors' (seed 000, 001).
// Pure: takes the tenant chain root-first, returns what is enabled and why.
import {
  ADDONS,
  ADDON_IDS,
  BASE_PACKAGE,
  PACKAGES,
  PACKAGE_IDS,
  PERMISSION_SETS,
  PERMISSION_SET_IDS,
  addonInfo,
  type AddonId,
  type PackageId,
  type PermissionSetId,
} from '../../shared/catalogue';

export interface SubscriptionFacts {
  id: string;
  name: string;
  kind: 'service_provider' | 'partner' | 'client';
  inheritsSubscriptions: boolean;
  packages: readonly string[];
  addons: readonly string[];
}

export type EntitlementSource = 'default' | 'own' | 'inherited';

export interface Entitlement<Id extends string = string> {
  id: Id;
  name: string;
  enabled: boolean;
  source: EntitlementSource;
  /** The tenant whose subscription (or lack of one) decided this. */
  decidedBy: { id: string; name: string };
  reason: string;
}

export interface Entitlements {
  tenantId: string;
  packages: Entitlement<PackageId>[];
  addons: (Entitlement<AddonId> & { package: PackageId })[];
  permissionSets: (Entitlement<PermissionSetId> & { package: PackageId | null })[];
}

/** Seed 000's exact warning, with the package named. */
export function packageDeniedMessage(pkg: PackageId): string {
  return `Access Denied! The partner is not subscribed to this product package (${PACKAGES[pkg].name}).`;
}

/** Computes entitlements for the last tenant of `chain` (root first: SP, partner, client). */
export function computeEntitlements(chain: readonly SubscriptionFacts[]): Entitlements {
  if (chain.length === 0) throw new Error('computeEntitlements needs at least one tenant');
  let parent: { packages: Map<PackageId, Entitlement<PackageId>>; addons: Map<AddonId, Entitlement<AddonId>> } | null = null;
  for (const tenant of chain) {
    const who = { id: tenant.id, name: tenant.name };
    const packages = new Map<PackageId, Entitlement<PackageId>>();
    for (const id of PACKAGE_IDS) {
      const name = PACKAGES[id].name;
      const fromParent = parent?.packages.get(id);
      if (id === BASE_PACKAGE) {
        packages.set(id, { id, name, enabled: true, source: 'default', decidedBy: who, reason: `${name} is always on` });
      } else if (fromParent && tenant.inheritsSubscriptions) {
        packages.set(id, { ...fromParent, source: 'inherited', reason: fromParent.enabled ? `inherited from ${fromParent.decidedBy.name}` : fromParent.reason });
      } else if (!tenant.packages.includes(id)) {
        packages.set(id, { id, name, enabled: false, source: 'own', decidedBy: who, reason: `${packageDeniedMessage(id)} ${tenant.name} is not subscribed to ${name}` });
      } else if (fromParent && !fromParent.enabled) {
        packages.set(id, {
          id,
          name,
          enabled: false,
          source: 'inherited',
          decidedBy: fromParent.decidedBy,
          reason: `${packageDeniedMessage(id)} ${fromParent.decidedBy.name} is not subscribed to ${name}, and a tenant's entitlements never exceed its parent's`,
        });
      } else {
        packages.set(id, { id, name, enabled: true, source: 'own', decidedBy: who, reason: `subscribed by ${tenant.name}` });
      }
    }

    const addons = new Map<AddonId, Entitlement<AddonId>>();
    for (const id of ADDON_IDS) {
      const { name, package: pkg } = ADDONS[id];
      const pkgEntitlement = packages.get(pkg)!;
      const fromParent = parent?.addons.get(id);
      if (!pkgEntitlement.enabled) {
        addons.set(id, { id, name, enabled: false, source: pkgEntitlement.source, decidedBy: pkgEntitlement.decidedBy, reason: `needs the ${PACKAGES[pkg].name} package: ${pkgEntitlement.reason}` });
      } else if (fromParent && tenant.inheritsSubscriptions) {
        addons.set(id, { ...fromParent, source: 'inherited', reason: fromParent.enabled ? `inherited from ${fromParent.decidedBy.name}` : fromParent.reason });
      } else if (!tenant.addons.includes(id)) {
        addons.set(id, { id, name, enabled: false, source: 'own', decidedBy: who, reason: `${tenant.name} has not added ${name}` });
      } else if (fromParent && !fromParent.enabled) {
        addons.set(id, { id, name, enabled: false, source: 'inherited', decidedBy: fromParent.decidedBy, reason: `${fromParent.decidedBy.name} has not added ${name}, and a tenant's add-ons never exceed its parent's` });
      } else {
        addons.set(id, { id, name, enabled: true, source: 'own', decidedBy: who, reason: `added by ${tenant.name}` });
      }
    }
    parent = { packages, addons };
  }

  const leaf = chain[chain.length - 1]!;
  const { packages, addons } = parent!;
  const sets = PERMISSION_SET_IDS.filter((id) => leaf.kind !== 'client' || PERMISSION_SETS[id].scope === 'customer');
  return {
    tenantId: leaf.id,
    packages: [...packages.values()],
    addons: ADDON_IDS.map((id) => ({ ...addons.get(id)!, package: ADDONS[id].package })),
    permissionSets: sets.map((id) => {
      const { name, package: pkg } = PERMISSION_SETS[id];
      if (pkg === null) {
        return { id, name, package: null, enabled: true, source: 'default' as const, decidedBy: { id: leaf.id, name: leaf.name }, reason: 'not gated by a product package' };
      }
      const p = packages.get(pkg)!;
      return {
        id,
        name,
        package: pkg,
        enabled: p.enabled,
        source: p.source,
        decidedBy: p.decidedBy,
        reason: p.enabled ? `${PACKAGES[pkg].name} subscribed` : `${p.reason}.`,
      };
    }),
  };
}

export function enabledPackages(entitlements: Entitlements): Set<PackageId> {
  return new Set(entitlements.packages.filter((p) => p.enabled).map((p) => p.id));
}

/** Validates a subscription change against the parent: a tenant can never hold more than its parent (seed 001). */
export function subscriptionProblems(facts: SubscriptionFacts, parent: Entitlements | null): string[] {
  const problems: string[] = [];
  for (const pkg of facts.packages) {
    if (!(PACKAGE_IDS as readonly string[]).includes(pkg)) problems.push(`unknown package ${pkg}`);
    else if (parent && !parent.packages.find((p) => p.id === pkg)?.enabled) problems.push(`parent is not subscribed to ${PACKAGES[pkg as PackageId].name}`);
  }
  for (const addon of facts.addons) {
    const info = addonInfo(addon);
    if (!info) problems.push(`unknown add-on ${addon}`);
    else if (info.package !== BASE_PACKAGE && !facts.packages.includes(info.package)) problems.push(`${info.name} needs the ${PACKAGES[info.package].name} package`);
    else if (parent && !parent.addons.find((a) => a.id === addon)?.enabled) problems.push(`parent has not added ${info.name}`);
  }
  return problems;
}
