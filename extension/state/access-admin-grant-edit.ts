// Editing one grant (seed 003's pencil): what changed against the grant as read, as the BFF's
// edit body with the version it read (optimistic concurrency), or the first thing to fix.
import type { GrantView } from '../../shared/access-admin-common';
import type { GrantEditRequest } from '../../shared/access-admin-grants';
import { durationOf, type Checked, type DurationChoice } from './access-admin-assign';

export type GrantEditMode = 'edit' | 'extend' | 'remove';

export interface GrantEditDraft {
  platformAdmin: boolean;
  role: string;
  products: string[];
  /** `keep`: the expiry stays as it is. */
  duration: DurationChoice | 'keep';
  customEnd: string;
}

export const draftOf = (grant: GrantView, mode: GrantEditMode): GrantEditDraft => ({
  platformAdmin: grant.platform_admin,
  role: grant.role ?? '',
  products: [...grant.products],
  duration: mode === 'extend' ? '24' : 'keep',
  customEnd: '',
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only the fields that differ from `grant` are sent; nothing changed is a problem to say. */
export function grantEdit(grant: GrantView, draft: GrantEditDraft, now: number, parseLocal?: (v: string) => number): Checked<GrantEditRequest> {
  const edit: GrantEditRequest = { version: grant.version };
  if (draft.platformAdmin !== grant.platform_admin) edit.platform_admin = draft.platformAdmin;
  if ((draft.role || null) !== grant.role) edit.role = draft.role || null;
  if (!sameSet(draft.products, grant.products)) edit.products = draft.products;
  if (draft.duration !== 'keep') {
    const duration = durationOf(draft.duration, draft.customEnd, now, parseLocal);
    if (!duration.ok) return duration;
    edit.duration = duration.value;
  }
  return Object.keys(edit).length > 1 ? { ok: true, value: edit } : { ok: false, problem: 'Nothing changed yet.' };
}

/** After a 409: the same changes, re-applied on the current version of the grant. */
export const reapplied = (edit: GrantEditRequest, current: GrantView): GrantEditRequest => ({ ...edit, version: current.version });
