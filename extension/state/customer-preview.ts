// What a switch would give, read from the customer's entry alone (no token exchange, no network):
// the role, Platform Administrator, the packages the grant covers and the ones it does not.
import { BASE_PACKAGE, PACKAGE_IDS, PACKAGES, packageInfo, roleInfo } from '../../shared/catalogue';
import type { CustomerEntry } from '../../shared/tenant-context';

export interface CustomerPreview {
  /** "As Operator + Platform Administrator". */
  acting: string;
  /** Names of the packages the grant covers, in catalogue order (unknown ids last, as given). */
  packages: string[];
  /** "Remediation and Automation: not in your grant", one per catalogue package it lacks. */
  missing: string[];
}

/** The preview of acting for `entry`. The base package is covered by every grant, as the BFF decides (bff/domain/access.ts). */
export function customerPreview(entry: Pick<CustomerEntry, 'role' | 'platform_admin' | 'products'>): CustomerPreview {
  const role = entry.role ? (roleInfo(entry.role)?.name ?? entry.role) : null;
  const who = [role, entry.platform_admin ? 'Platform Administrator' : null].filter((p): p is string => !!p);
  const covered = new Set<string>([BASE_PACKAGE, ...entry.products]);
  const known = PACKAGE_IDS.filter((id) => covered.has(id));
  const unknown = [...new Set(entry.products)].filter((id) => !packageInfo(id));
  return {
    acting: who.length ? `As ${who.join(' + ')}` : 'No role',
    packages: [...known.map((id) => PACKAGES[id].name), ...unknown],
    missing: PACKAGE_IDS.filter((id) => !covered.has(id)).map((id) => `${PACKAGES[id].name}: not in your grant`),
  };
}
