// Seed 003's Customers tab: every customer of the partner with its users, products and pending
// state, searchable and filterable; relationship actions; one customer's access in detail.
import { useEffect, useState } from 'preact/hooks';
import type { CustomerRow } from '../../shared/access-admin-views';
import type { TimeFormat } from '../state/access-labels';
import { productsText } from '../state/access-admin-labels';
import type { askBackground } from '../utils/messaging';
import type { Pickable } from './access-admin-assign-form';
import { AccessAdminCustomerDetail } from './access-admin-customer-detail';
import { AccessAdminRelationshipActions } from './access-admin-relationship-actions';

interface Props {
  partnerId: string;
  users: readonly Pickable[];
  ask: typeof askBackground;
  initialCustomer?: string | null;
  timeFormat?: TimeFormat;
}

type Filter = '' | 'pending' | 'approved' | 'removed' | 'none';
const FILTERS: [Filter, string][] = [['', 'All'], ['approved', 'Approved'], ['pending', 'Pending'], ['removed', 'Removed'], ['none', 'Not managed']];

export function AccessAdminCustomers({ partnerId, users, ask, initialCustomer = null, timeFormat }: Props) {
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Filter>('');
  const [rows, setRows] = useState<CustomerRow[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(initialCustomer);
  const [status, setStatus] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);

  async function load(cursor?: string) {
    const query = { ...(q.trim() ? { q: q.trim() } : {}), ...(filter ? { relationship: filter } : {}), ...(cursor ? { cursor } : {}) };
    const answer = await ask({ type: 'access.customers.list', partnerId, query });
    if (!answer.ok) return setStatus({ kind: 'problem', text: answer.message });
    setRows((prev) => (cursor ? [...(prev ?? []), ...answer.page.customers] : answer.page.customers));
    setNext(answer.page.next_cursor);
  }
  useEffect(() => void load(), [q, filter]);
  const changed = (text: string) => (setStatus({ kind: 'done', text }), void load());

  return (
    <section class="customers" aria-labelledby="customers-heading">
      <h2 id="customers-heading">Customers</h2>
      <div class="filters">
        <label class="field">
          Search customers
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <label class="field">
          Relationship
          <select value={filter} onChange={(e) => setFilter(FILTERS.find(([f]) => f === e.currentTarget.value)?.[0] ?? '')}>
            {FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status ? <p role={status.kind === 'problem' ? 'alert' : 'status'} class={status.kind === 'problem' ? 'problem' : 'done'}>{status.text}</p> : null}
      {!rows ? (
        <p role="status">Loading customers…</p>
      ) : (
        <table aria-label="Customers">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Relationship</th>
              <th scope="col">Users</th>
              <th scope="col">Products</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} class={c.pending ? 'is-pending' : ''}>
                <th scope="row">
                  <button type="button" class="link" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                    {c.name}
                  </button>
                  {c.pending ? <span class="pending-mark"> ⚠ Pending approval</span> : null}
                </th>
                <td>{c.relationship ? c.relationship.state[0]!.toUpperCase() + c.relationship.state.slice(1) : 'Not managed'}</td>
                <td>{c.user_count}</td>
                <td>{productsText(c.products)}</td>
                <td class="row-actions">
                  <AccessAdminRelationshipActions customer={c} ask={ask} onChanged={changed} onProblem={(text) => setStatus({ kind: 'problem', text })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={() => void load(next)}>
          Show more customers
        </button>
      ) : null}
      {open ? (
        <AccessAdminCustomerDetail key={open} partnerId={partnerId} customerId={open} users={users} customers={rows ?? []} ask={ask} timeFormat={timeFormat} onChanged={changed} />
      ) : null}
    </section>
  );
}
