// Seed 003's Users tab: every partner user with the customers they may manage, Platform
// Administrator, product access, last access and permanent or time-limited; searchable and
// filterable; one user's access in detail, with "assign customer access" and their audit trail.
import { useEffect, useState } from 'preact/hooks';
import type { UserRow } from '../../shared/access-admin-views';
import { localTime, type TimeFormat } from '../state/access-labels';
import { accessKind, productsText } from '../state/access-admin-labels';
import type { askBackground } from '../utils/messaging';
import { AccessAdminAssignForm, type Pickable } from './access-admin-assign-form';
import { AccessAdminAudit } from './access-admin-audit';
import { AccessAdminGrantsTable } from './access-admin-grants-table';

interface Props {
  partnerId: string;
  customers: readonly Pickable[];
  users: readonly Pickable[];
  ask: typeof askBackground;
  timeFormat?: TimeFormat;
}

type Access = '' | 'permanent' | 'time_limited';

export function AccessAdminUsers({ partnerId, customers, users, ask, timeFormat }: Props) {
  const [q, setQ] = useState('');
  const [access, setAccess] = useState<Access>('');
  const [adminOnly, setAdminOnly] = useState(false);
  const [rows, setRows] = useState<UserRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [panel, setPanel] = useState<'assign' | 'audit' | null>(null);
  const [status, setStatus] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);

  async function load(cursor?: string) {
    const query = { ...(q.trim() ? { q: q.trim() } : {}), ...(access ? { access } : {}), ...(adminOnly ? { platform_admin: 'true' as const } : {}), ...(cursor ? { cursor } : {}) };
    const answer = await ask({ type: 'access.users.list', partnerId, query });
    if (!answer.ok) return setStatus({ kind: 'problem', text: answer.message });
    setRows((prev) => (cursor ? [...(prev ?? []), ...answer.page.users] : answer.page.users));
    setNext(answer.page.next_cursor);
  }
  useEffect(() => void load(), [q, access, adminOnly]);
  const changed = (text: string) => (setPanel(null), setStatus({ kind: 'done', text }), void load());
  const user = rows?.find((u) => u.id === open);
  const kinds = (u: UserRow) => [...new Set(u.grants.map((g) => accessKind(g.expires_at)))].join(', ') || '—';

  return (
    <section class="users" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <div class="filters">
        <label class="field">
          Search users
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label class="field">
          Access
          <select value={access} onChange={(e) => setAccess(e.currentTarget.value === 'permanent' || e.currentTarget.value === 'time_limited' ? e.currentTarget.value : '')}>
            <option value="">All</option>
            <option value="permanent">Permanent</option>
            <option value="time_limited">Time-limited</option>
          </select>
        </label>
        <label class="toggle">
          <input type="checkbox" checked={adminOnly} onChange={(e) => setAdminOnly(e.currentTarget.checked)} />
          Platform Administrators only
        </label>
      </div>
      {status ? <p role={status.kind === 'problem' ? 'alert' : 'status'} class={status.kind === 'problem' ? 'problem' : 'done'}>{status.text}</p> : null}
      {!rows ? (
        <p role="status">Loading users…</p>
      ) : (
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Customers</th>
              <th scope="col">Platform Administrator in</th>
              <th scope="col">Product access</th>
              <th scope="col">Last access</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <button type="button" class="link" aria-expanded={open === u.id} onClick={() => (setOpen(open === u.id ? null : u.id), setPanel(null))}>
                    {u.name}
                  </button>
                  <span class="muted"> {u.email}</span>
                </th>
                <td>{u.grants.map((g) => g.customer.name).join(', ') || 'None'}</td>
                <td>{u.grants.filter((g) => g.platform_admin).map((g) => g.customer.name).join(', ') || 'None'}</td>
                <td>{u.grants.map((g) => `${g.customer.name}: ${productsText(g.products)}`).join('; ') || '—'}</td>
                <td>{u.last_access_at ? localTime(u.last_access_at, timeFormat) : 'Never'}</td>
                <td>{kinds(u)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={() => void load(next)}>
          Show more users
        </button>
      ) : null}
      {user ? (
        <section class="detail" aria-label={`Access of ${user.name}`}>
          <h2>Access of {user.name}</h2>
          <span class="actions">
            <button type="button" aria-pressed={panel === 'assign'} onClick={() => setPanel(panel === 'assign' ? null : 'assign')}>
              Assign customer access
            </button>
            <button type="button" aria-pressed={panel === 'audit'} onClick={() => setPanel(panel === 'audit' ? null : 'audit')}>
              Audit trail
            </button>
          </span>
          {panel === 'assign' ? <AccessAdminAssignForm users={users} customers={customers} initialUsers={[user.id]} ask={ask} timeFormat={timeFormat} onCancel={() => setPanel(null)} onDone={changed} /> : null}
          {panel === 'audit' ? <AccessAdminAudit filter={{ user_id: user.id }} title={`Audit trail of ${user.name}`} ask={ask} timeFormat={timeFormat} /> : null}
          <AccessAdminGrantsTable
            label={`Customers ${user.name} may manage`}
            grants={user.grants}
            by="customer"
            productsOf={(id) => customers.find((c) => c.id === id)?.products ?? []}
            ask={ask}
            timeFormat={timeFormat}
            onChanged={changed}
          />
        </section>
      ) : null}
    </section>
  );
}
