// Two tenants' entitlements side by side: one row per package, add-on and permission set, paired
// by id, so "why does Acme have it and Globex not" is one glance.
import type { EntitlementsResponse } from '../../shared/entitlements';
import { ENTITLEMENT_KINDS, type Entitlement, type EntitlementKind } from './access-labels';

export interface CompareRow {
  /** `<kind>:<id>`, unique across the table. */
  key: string;
  kind: EntitlementKind;
  id: string;
  name: string;
  /** Null when that tenant does not list it at all (a client lists no partner-level permission sets). */
  left: Entitlement | null;
  right: Entitlement | null;
  /** Enabled on one side and denied (or absent) on the other. */
  differs: boolean;
}

/** Pairs `left`'s and `right`'s entitlements: kinds in page order, `left`'s order first, then what only `right` has. */
export function compareEntitlements(left: EntitlementsResponse, right: EntitlementsResponse): CompareRow[] {
  return ENTITLEMENT_KINDS.flatMap(({ kind }) => {
    const lefts: readonly Entitlement[] = left[kind];
    const rights = new Map<string, Entitlement>(right[kind].map((e) => [e.id, e]));
    const ids = [...new Set([...lefts.map((e) => e.id), ...rights.keys()])];
    const byId = new Map<string, Entitlement>(lefts.map((e) => [e.id, e]));
    return ids.map((id): CompareRow => {
      const l = byId.get(id) ?? null;
      const r = rights.get(id) ?? null;
      return { key: `${kind}:${id}`, kind, id, name: (l ?? r)!.name, left: l, right: r, differs: (l?.enabled ?? null) !== (r?.enabled ?? null) };
    });
  });
}

/** How many rows differ, for the table's caption. */
export const differenceCount = (rows: readonly CompareRow[]) => rows.filter((r) => r.differs).length;
