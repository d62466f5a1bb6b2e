// The plain text "Copy for ticket" hands to a support ticket: which tenant, who asked, when, what
// is enabled or denied and why, and the last explanation, readable without the extension.
import type { ExplainResponse } from '../../shared/access-explain';
import type { UserSummary } from '../../shared/common';
import type { EntitlementsResponse } from '../../shared/entitlements';
import { bothTimes, decisionText, grantText, reasonMark, roleText, sourceText, statusText, type Entitlement, type TimeFormat } from './access-labels';

export interface TicketInput {
  entitlements: EntitlementsResponse;
  user: Pick<UserSummary, 'id' | 'email' | 'name'>;
  /** The last "Why can't I …" answer, when one was asked. */
  explanation: ExplainResponse | null;
}

const line = (e: Entitlement) => `- ${statusText(e.enabled)}: ${e.name} (${sourceText(e)}): ${e.reason}`;

function explanationLines(e: ExplainResponse, format: TimeFormat): string[] {
  const what = e.permission ?? 'entering the tenant';
  const where = e.tenant ? `${e.tenant.name} (${e.tenant.id})` : 'an unknown tenant';
  return [
    `Why (${what} in ${where}, for ${e.user.email}): ${decisionText(e.decision)}`,
    e.summary,
    `Role: ${roleText(e.role)}; Platform Administrator: ${e.platform_admin ? 'yes' : 'no'}; grant: ${grantText(e, format)}`,
    `Evaluated at: ${bothTimes(e.evaluated_at, format)}`,
    'Reasons:',
    ...e.reasons.map((r, i) => {
      const mark = reasonMark(r.ok);
      return `${i + 1}. ${mark.symbol} ${mark.word}: ${r.message}`;
    }),
  ];
}

/** The ticket text; local times in `format`'s zone (the reader's when omitted). */
export function ticketSummary({ entitlements: ent, user, explanation }: TicketInput, format: TimeFormat = {}): string {
  const deniedSets = ent.permission_sets.filter((s) => !s.enabled).map((s) => s.name);
  const lines = [
    `Entitlements of ${ent.tenant.name} (${ent.tenant.id})`,
    `Asked by: ${user.name} <${user.email}> (${user.id})`,
    `Evaluated at: ${bothTimes(ent.evaluated_at, format)}`,
    '',
    'Packages:',
    ...ent.packages.map(line),
    '',
    'Add-ons:',
    ...ent.addons.map(line),
    '',
    `Denied permission sets: ${deniedSets.length ? deniedSets.join(', ') : 'none'}`,
  ];
  if (explanation) lines.push('', ...explanationLines(explanation, format));
  return `${lines.join('\n')}\n`;
}
