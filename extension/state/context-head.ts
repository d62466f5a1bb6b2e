// The head of a tenant context: what the switcher's first screen shows (pinned and recent
// customers, then the first names A-Z) and how many customers there are in all. Stored beside the
// whole context so a page paints its list from a few KB, not 3 MB (extension/README.md, "Performance").
import type { TenantContext } from '../../shared/tenant-context';

/** Screens of the first names: the popup shows about 6 rows at once. */
export const HEAD_NAMES = 40;

const byName = new Intl.Collator().compare;

export function contextHead(context: TenantContext, pinned: readonly string[]): TenantContext {
  const kept = new Set([...pinned, ...context.recents.map((r) => r.tenant_id)]);
  for (const c of [...context.customers].sort((a, b) => byName(a.name, b.name)).slice(0, HEAD_NAMES)) kept.add(c.tenant_id);
  return { ...context, customers: context.customers.filter((c) => kept.has(c.tenant_id)) };
}
