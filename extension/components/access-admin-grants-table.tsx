// The grants of one customer or one user (seed 003): Platform Administrator, role and products,
// last access, permanent or time-limited; each with edit, extend and remove (summary first).
import { useState } from 'preact/hooks';
import type { GrantView } from '../../shared/access-admin-common';
import type { TimeFormat } from '../state/access-labels';
import { localTime } from '../state/access-labels';
import type { GrantEditMode } from '../state/access-admin-grant-edit';
import { accessKind, accessUntil, productsText, roleName } from '../state/access-admin-labels';
import type { askBackground } from '../utils/messaging';
import { AccessAdminGrantEditor } from './access-admin-grant-editor';

interface Props {
  label: string;
  grants: readonly GrantView[];
  /** Whose name the first column shows: the user's (a customer's grants) or the customer's. */
  by: 'user' | 'customer';
  productsOf: (customerId: string) => readonly string[];
  ask: typeof askBackground;
  timeFormat?: TimeFormat;
  onChanged: (message: string) => void;
}

export function AccessAdminGrantsTable({ label, grants, by, productsOf, ask, timeFormat, onChanged }: Props) {
  const [editing, setEditing] = useState<{ grant: GrantView; mode: GrantEditMode } | null>(null);
  if (!grants.length) return <p class="empty">No one has access yet.</p>;
  const nameOf = (g: GrantView) => (by === 'user' ? g.user.name : g.customer.name);
  return (
    <>
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{by === 'user' ? 'User' : 'Customer'}</th>
            <th scope="col">Platform Administrator</th>
            <th scope="col">Role</th>
            <th scope="col">Products</th>
            <th scope="col">Last access</th>
            <th scope="col">Access</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.id} class={g.state === 'active' ? '' : 'is-ended'}>
              <th scope="row">
                {nameOf(g)}
                {by === 'user' ? <span class="muted"> {g.user.email}</span> : null}
              </th>
              <td>{g.platform_admin ? 'Yes' : 'No'}</td>
              <td>{roleName(g.role)}</td>
              <td>{productsText(g.products)}</td>
              <td>{g.last_access_at ? localTime(g.last_access_at, timeFormat) : 'Never'}</td>
              <td>
                <span class="access-kind">{g.state === 'active' ? accessKind(g.expires_at) : g.state === 'expired' ? 'Expired' : 'Removed'}</span>
                {g.expires_at ? <span class="muted"> {accessUntil(g.expires_at, timeFormat)}</span> : null}
              </td>
              <td class="row-actions">
                {(['edit', 'extend', 'remove'] as const).map((mode) => (
                  <button key={mode} type="button" aria-label={`${mode[0]!.toUpperCase()}${mode.slice(1)} access of ${g.user.name} to ${g.customer.name}`} onClick={() => setEditing({ grant: g, mode })}>
                    {mode[0]!.toUpperCase() + mode.slice(1)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <AccessAdminGrantEditor
          key={`${editing.grant.id}:${editing.mode}`}
          grant={editing.grant}
          mode={editing.mode}
          products={productsOf(editing.grant.customer.id)}
          ask={ask}
          timeFormat={timeFormat}
          onCancel={() => setEditing(null)}
          onDone={(message) => (setEditing(null), onChanged(message))}
        />
      ) : null}
    </>
  );
}
