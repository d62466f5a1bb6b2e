// Rules for the terms of a grant (seed 003): the duration's end, the product role, the products.
import { CUSTOMER_ROLE_IDS, PACKAGE_IDS } from '../../shared/catalogue';

const HOUR = 3600_000;

export type DurationInput = { kind: 'permanent' } | { kind: 'hours'; hours: 24 | 48 } | { kind: 'until'; expires_at: string };

/** The expiry a duration gives at `now` (null: permanent), or an error when it would already be over. */
export function expiryFor(duration: DurationInput, now: Date): { expiresAt: Date | null } | { error: string } {
  if (duration.kind === 'permanent') return { expiresAt: null };
  if (duration.kind === 'hours') return { expiresAt: new Date(now.getTime() + duration.hours * HOUR) };
  const at = new Date(duration.expires_at);
  if (at.getTime() <= now.getTime()) return { error: `the end instant ${duration.expires_at} is not in the future` };
  return { expiresAt: at };
}

/**
 * Problems with a role and products for a customer: the role must be an end-customer role (or
 * none, quick add), each product a package the customer has enabled.
 */
export function termProblems(role: string | null, products: readonly string[], customerPackages: ReadonlySet<string>, customerName: string): string[] {
  const problems: string[] = [];
  if (role !== null && !(CUSTOMER_ROLE_IDS as readonly string[]).includes(role)) problems.push(`unknown product role ${role}`);
  for (const p of products) {
    if (!(PACKAGE_IDS as readonly string[]).includes(p)) problems.push(`unknown product ${p}`);
    else if (!customerPackages.has(p)) problems.push(`${customerName} is not subscribed to ${p}`);
  }
  if (new Set(products).size !== products.length) problems.push('a product is listed twice');
  return problems;
}
