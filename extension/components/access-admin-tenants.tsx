// The Tenants tab (seeds 000-002): the partner's clients with seed 000's status filter and a
// search; a new client; one client's subscriptions, IP allow-list, invitation link and termination.
import { useEffect, useState } from 'preact/hooks';
import type { TenantAdminView } from '../../shared/access-admin-tenants';
import type { askAccessAdmin } from '../utils/access-admin-messaging';
import { AccessAdminTenantCreate } from './access-admin-tenants-create';
import { AccessAdminTenantDetail } from './access-admin-tenants-detail';

interface Props {
  partnerId: string;
  ask: typeof askAccessAdmin;
}

type Status = 'active' | 'inactive' | 'all';

export function AccessAdminTenants({ partnerId, ask }: Props) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [rows, setRows] = useState<TenantAdminView[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [note, setNote] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);

  async function load() {
    const answer = await ask({ type: 'access.tenants.list', query: { kind: 'client', parent_id: partnerId, status, ...(q.trim() ? { q: q.trim() } : {}) } });
    if (!answer.ok) return setNote({ kind: 'problem', text: answer.message });
    setRows(answer.tenants);
  }
  useEffect(() => void load(), [q, status]);
  const changed = (text: string, tenant?: TenantAdminView) => {
    setNote({ kind: 'done', text });
    if (tenant) setRows((prev) => prev?.map((r) => (r.id === tenant.id ? tenant : r)) ?? prev);
    void load();
  };
  const selected = rows?.find((r) => r.id === open) ?? null;

  return (
    <section class="tenants" aria-labelledby="tenants-heading">
      <h2 id="tenants-heading">Tenants</h2>
      {note ? (
        <p role={note.kind === 'problem' ? 'alert' : 'status'} class={note.kind}>
          {note.text}
        </p>
      ) : null}
      <div class="filters">
        <label class="field">
          Search tenants
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label class="field">
          Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as Status)}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
            <option value="all">All</option>
          </select>
        </label>
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          New client
        </button>
      </div>
      {creating ? (
        <AccessAdminTenantCreate
          partnerId={partnerId}
          ask={ask}
          onCreated={(tenant) => {
            setCreating(false);
            setOpen(tenant.id);
            setStatus('active');
            changed(`Client created: ${tenant.name}.`);
          }}
        />
      ) : null}
      {rows === null ? (
        <p role="status">Loading…</p>
      ) : rows.length === 0 ? (
        <p>No tenants match.</p>
      ) : (
        <table aria-label="Tenants">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail domain</th>
              <th scope="col">Status</th>
              <th scope="col">Packages</th>
              <th scope="col">IP allow-list</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id} class={t.id === open ? 'open' : undefined}>
                <th scope="row">
                  <button type="button" class="link" aria-label={`Manage tenant ${t.name}`} onClick={() => setOpen(t.id === open ? null : t.id)}>
                    {t.name}
                  </button>
                </th>
                <td>{t.email_domain ?? '—'}</td>
                <td>{t.status}</td>
                <td>{t.packages.length + t.addons.length ? `${t.packages.length} packages, ${t.addons.length} add-ons` : 'none'}</td>
                <td>{t.ip_allowlist.length ? t.ip_allowlist.join(', ') : 'unrestricted'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected ? <AccessAdminTenantDetail key={selected.id} tenant={selected} ask={ask} onChanged={changed} /> : null}
    </section>
  );
}
