// One customer's access (seed 003, a click on its name): who has access and how, assign more
// users, rename the customer, and its audit trail.
import { useEffect, useState } from 'preact/hooks';
import type { CustomerDetailResponse, CustomerRow } from '../../shared/access-admin-views';
import type { TimeFormat } from '../state/access-labels';
import type { askBackground } from '../utils/messaging';
import { AccessAdminAssignForm, type Pickable } from './access-admin-assign-form';
import { AccessAdminAudit } from './access-admin-audit';
import { AccessAdminGrantsTable } from './access-admin-grants-table';
import { AccessAdminRename } from './access-admin-rename';

interface Props {
  partnerId: string;
  customerId: string;
  users: readonly Pickable[];
  customers: readonly CustomerRow[];
  ask: typeof askBackground;
  timeFormat?: TimeFormat;
  onChanged: (message: string) => void;
}

export function AccessAdminCustomerDetail({ partnerId, customerId, users, customers, ask, timeFormat, onChanged }: Props) {
  const [detail, setDetail] = useState<CustomerDetailResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [panel, setPanel] = useState<'assign' | 'rename' | 'audit' | null>(null);
  async function load() {
    const answer = await ask({ type: 'access.customers.detail', partnerId, customerId });
    if (answer.ok) setDetail(answer.detail);
    else setProblem(answer.message);
  }
  useEffect(() => void load(), [customerId]);
  const changed = (message: string) => (setPanel(null), void load(), onChanged(message));
  if (!detail) return problem ? <p role="alert" class="problem">{problem}</p> : <p role="status">Loading access…</p>;
  const { customer } = detail;
  // This customer first (it may lie beyond the list's first page), then the other approved ones.
  const approved = [customer, ...customers.filter((c) => c.id !== customer.id)].filter((c) => c.relationship?.state === 'approved').map((c) => ({ id: c.id, name: c.name, products: c.products }));

  return (
    <section class="detail" aria-label={`Access to ${customer.name}`}>
      <h2>Access to {customer.name}</h2>
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      <span class="actions">
        <button type="button" aria-pressed={panel === 'assign'} onClick={() => setPanel(panel === 'assign' ? null : 'assign')}>
          Assign user access
        </button>
        <button type="button" aria-pressed={panel === 'rename'} onClick={() => setPanel(panel === 'rename' ? null : 'rename')}>
          Rename
        </button>
        <button type="button" aria-pressed={panel === 'audit'} onClick={() => setPanel(panel === 'audit' ? null : 'audit')}>
          Audit trail
        </button>
      </span>
      {panel === 'assign' ? (
        <AccessAdminAssignForm users={users} customers={approved} initialCustomers={[customer.id]} ask={ask} timeFormat={timeFormat} onCancel={() => setPanel(null)} onDone={changed} />
      ) : null}
      {panel === 'rename' ? <AccessAdminRename partnerId={partnerId} customer={customer} ask={ask} onCancel={() => setPanel(null)} onDone={changed} /> : null}
      {panel === 'audit' ? <AccessAdminAudit filter={{ tenant_id: customer.id }} title={`Audit trail of ${customer.name}`} ask={ask} timeFormat={timeFormat} /> : null}
      {
        <AccessAdminGrantsTable
          label={`Users with access to ${customer.name}`}
          grants={detail.grants}
          by="user"
          productsOf={() => detail.customer.products}
          ask={ask}
          timeFormat={timeFormat}
          onChanged={changed}
        />
      }
    </section>
  );
}
