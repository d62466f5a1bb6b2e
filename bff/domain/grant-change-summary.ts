// The change summary of seed 003: what a grant gave before and after an edit, what the edit adds,
// what it takes away, and each pre-existing value it changes (expiry, role, products, admin).
import { packageInfo, roleInfo } from '../../shared/catalogue';

export interface Terms {
  platformAdmin: boolean;
  role: string | null;
  products: readonly string[];
  expiresAt: Date | null;
}

export interface SummaryItem {
  kind: 'product' | 'role' | 'platform_admin' | 'access';
  id: string;
  name: string;
}
export type ChangeValue = string | boolean | string[] | null;
export interface ChangedValue {
  field: 'expires_at' | 'role' | 'products' | 'platform_admin';
  from: ChangeValue;
  to: ChangeValue;
}
export interface Summary {
  added: SummaryItem[];
  removed: SummaryItem[];
  changed: ChangedValue[];
}

const product = (id: string): SummaryItem => ({ kind: 'product', id, name: packageInfo(id)?.name ?? id });
const role = (id: string): SummaryItem => ({ kind: 'role', id, name: roleInfo(id)?.name ?? id });
const ADMIN: SummaryItem = { kind: 'platform_admin', id: 'platform_administrator', name: 'Platform Administrator' };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();

/** Compares two terms; `null` original means the access is created, `null` updated that it is removed. */
export function summarizeChange(original: Terms | null, updated: Terms | null): Summary {
  const added: SummaryItem[] = [];
  const removed: SummaryItem[] = [];
  const changed: ChangedValue[] = [];
  const before = new Set(original?.products ?? []);
  const after = new Set(updated?.products ?? []);
  if (!original && updated) added.push({ kind: 'access', id: 'access', name: 'Access to the customer' });
  if (original && !updated) removed.push({ kind: 'access', id: 'access', name: 'Access to the customer' });
  for (const p of sorted([...after])) if (!before.has(p)) added.push(product(p));
  for (const p of sorted([...before])) if (!after.has(p)) removed.push(product(p));
  if (updated?.role && updated.role !== original?.role) added.push(role(updated.role));
  if (original?.role && original.role !== updated?.role) removed.push(role(original.role));
  if (updated?.platformAdmin && !original?.platformAdmin) added.push(ADMIN);
  if (original?.platformAdmin && !updated?.platformAdmin) removed.push(ADMIN);
  if (original && updated) {
    if (iso(original.expiresAt) !== iso(updated.expiresAt)) changed.push({ field: 'expires_at', from: iso(original.expiresAt), to: iso(updated.expiresAt) });
    if (original.role !== updated.role) changed.push({ field: 'role', from: original.role, to: updated.role });
    const [a, b] = [sorted(original.products), sorted(updated.products)];
    if (a.join() !== b.join()) changed.push({ field: 'products', from: a, to: b });
    if (original.platformAdmin !== updated.platformAdmin) changed.push({ field: 'platform_admin', from: original.platformAdmin, to: updated.platformAdmin });
  }
  return { added, removed, changed };
}
