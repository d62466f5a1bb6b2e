// How the access view words grants and change summaries: products by name, roles by name,
// permanent or until an instant, and each changed value. Pure; time format comes in as options.
import type { GrantTerms } from '../../shared/access-admin-grants';
import { packageInfo, roleInfo } from '../../shared/catalogue';
import { localTime, type TimeFormat } from './access-labels';

export const productName = (id: string) => packageInfo(id)?.name ?? id;
export const productsText = (ids: readonly string[]) => (ids.length ? ids.map(productName).join(', ') : 'no products');
export const roleName = (role: string | null) => (role ? (roleInfo(role)?.name ?? role) : 'no role');

/** "Permanent" or "Until Nov 25, 2026, 12:00:00 PM UTC". */
export const accessUntil = (expiresAt: string | null, format: TimeFormat = {}) => (expiresAt ? `Until ${localTime(expiresAt, format)}` : 'Permanent');

/** Permanent or time-limited, in words (seed 003's access status). */
export const accessKind = (expiresAt: string | null) => (expiresAt ? 'Time-limited' : 'Permanent');

/** A grant's terms as label/value lines. */
export function termsLines(terms: GrantTerms, format: TimeFormat = {}): [string, string][] {
  return [
    ['Platform Administrator', terms.platform_admin ? 'Yes' : 'No'],
    ['Role', roleName(terms.role)],
    ['Products', productsText(terms.products)],
    ['Access', accessUntil(terms.expires_at, format)],
  ];
}

const FIELD_NAMES = { expires_at: 'Expiry', role: 'Role', products: 'Products', platform_admin: 'Platform Administrator' } as const;

type Value = string | boolean | string[] | null;

/** One changed value, e.g. "Expiry: Permanent → Until Nov 25, 2026, …". */
export function changedText(change: { field: keyof typeof FIELD_NAMES; from: Value; to: Value }, format: TimeFormat = {}): string {
  const word = (v: Value): string => {
    if (change.field === 'expires_at') return accessUntil(typeof v === 'string' ? v : null, format);
    if (change.field === 'platform_admin') return v ? 'Yes' : 'No';
    if (change.field === 'products') return productsText(Array.isArray(v) ? v : []);
    return roleName(typeof v === 'string' ? v : null);
  };
  return `${FIELD_NAMES[change.field]}: ${word(change.from)} → ${word(change.to)}`;
}

/** An added or removed item, e.g. "Product: Event and Incident Management"; access and Platform Administrator as the BFF names them. */
export function itemText(item: { kind: 'product' | 'role' | 'platform_admin' | 'access'; name: string }) {
  if (item.kind === 'product') return `Product: ${item.name}`;
  if (item.kind === 'role') return `Role: ${item.name}`;
  return item.name;
}
