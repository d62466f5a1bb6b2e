// How the entitlements view and its ticket summary word an entitlement or a decision, so the page
// and the copied text always say the same thing. Pure: the locale and time zone come in as options.
import type { ExplainResponse } from '../../shared/access-explain';
import { roleInfo } from '../../shared/catalogue';
import type { EntitlementsResponse } from '../../shared/entitlements';

export type Entitlement = EntitlementsResponse['packages'][number];
export type EntitlementKind = 'packages' | 'addons' | 'permission_sets';

/** The three lists of an entitlements answer, in the order the page shows them. */
export const ENTITLEMENT_KINDS: readonly { kind: EntitlementKind; title: string }[] = [
  { kind: 'packages', title: 'Packages' },
  { kind: 'addons', title: 'Add-ons' },
  { kind: 'permission_sets', title: 'Permission sets' },
];

/** Where a local time is shown: the reader's own locale and zone unless a test fixes them. */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

/** Enabled or denied in words, never only in colour (WCAG 1.4.1). */
export const statusText = (enabled: boolean) => (enabled ? 'Enabled' : 'Denied');

/** "default", "own" or "inherited from Contoso Managed Services". */
export const sourceText = (e: Pick<Entitlement, 'source' | 'decided_by'>) => (e.source === 'inherited' ? `inherited from ${e.decided_by.name}` : e.source);

export const decisionText = (decision: ExplainResponse['decision']) => (decision === 'allow' ? 'Allowed' : 'Denied');

/** An instant in the reader's local time, e.g. "Nov 24, 2026, 9:00:00 AM EST". */
export const localTime = (iso: string, format: TimeFormat = {}) =>
  new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'long', timeZone: format.timeZone }).format(new Date(iso));

/** An instant in ISO 8601 and in local time, for people in different zones reading the same ticket. */
export const bothTimes = (iso: string, format: TimeFormat = {}) => `${iso} (${localTime(iso, format)})`;

/** The role's catalogue name with its id, e.g. "Admin (admin)"; "none" without a role. */
export function roleText(role: string | null): string {
  if (!role) return 'none';
  const name = roleInfo(role)?.name;
  return name ? `${name} (${role})` : role;
}

/** Which grant the decision rests on and when it ends. */
export function grantText(e: Pick<ExplainResponse, 'grant' | 'via'>, format: TimeFormat = {}): string {
  if (!e.grant) return e.via === 'home_tenant' ? 'no grant: membership of the home tenant' : 'no grant';
  const ends = e.grant.expires_at ? `expires ${bothTimes(e.grant.expires_at, format)}` : 'permanent';
  const revoked = e.grant.revoked_at ? `, revoked ${bothTimes(e.grant.revoked_at, format)}` : '';
  return `${e.grant.id}, ${ends}${revoked}`;
}

/** A reason's mark as symbol and word, e.g. "✓ ok" or "✗ fails". */
export const reasonMark = (ok: boolean) => (ok ? { symbol: '✓', word: 'ok' } : { symbol: '✗', word: 'fails' });
