// Seed 004: what white-labelling each end-customer role sees. The white-labelled client portal
// (read only) shows the whole branding, its URL included; the default web client (Admin, Operator,
// Read Only, Spokesperson, Hosting Provider) supports only the company name and logo; an Alert
// Contact has no access to either and only receives notifications.
import type { BrandingLook, PreviewRole } from '../../shared/branding-messages';
import { ROLES } from '../../shared/catalogue';

const WEB_CLIENT_FIELDS = ['company_name', 'logo'] as const;

export const roleName = (role: PreviewRole) => ROLES[role].name;

export function lookSeenBy(role: PreviewRole, look: BrandingLook): BrandingLook {
  if (role === 'client_portal_read_only') return look;
  const none = Object.fromEntries(Object.keys(look).map((k) => [k, null])) as BrandingLook;
  if (role === 'alert_contact') return none;
  return { ...none, ...Object.fromEntries(WEB_CLIENT_FIELDS.map((f) => [f, look[f]])) };
}

/** One sentence on what `role` sees, shown beside the preview. */
export function roleNote(role: PreviewRole): string {
  if (role === 'client_portal_read_only') return 'Sees the white-labelled client portal: every branding field, at the portal’s custom URL.';
  if (role === 'alert_contact') return 'Has no access to the web client or the white-labelled portal: only alert notifications (e-mail, SMS, phone).';
  return `${roleName(role)} uses the default web client, which shows only the company name and logo of the branding.`;
}
