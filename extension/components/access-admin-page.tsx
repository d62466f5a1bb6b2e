// "Manage customer access" (issue 17, seed 003): a full extension page with the Customers, Users and
// Tenants tabs, pending requests for more time and, for a customer's administrator, its partners.
// Everything goes through the background (askBackground), which holds the session token.
import { useEffect, useState } from 'preact/hooks';
import type { UserSummary } from '../../shared/common';
import type { TimeFormat } from '../state/access-labels';
import type { askBackground } from '../utils/messaging';
import { askAccessAdmin } from '../utils/access-admin-messaging';
import type { Pickable } from './access-admin-assign-form';
import { AccessAdminCustomers } from './access-admin-customers';
import { AccessAdminRelationships } from './access-admin-relationships';
import { AccessAdminRequests } from './access-admin-requests';
import { AccessAdminTenants } from './access-admin-tenants';
import { AccessAdminUsers } from './access-admin-users';

type Tab = 'customers' | 'users' | 'requests' | 'tenants';
const TABS: [Tab, string][] = [['customers', 'Customers'], ['users', 'Users'], ['requests', 'Requests for more time'], ['tenants', 'Tenants']];

interface Props {
  /** `?tenant=<id>&view=<tab>` as the background opens it. */
  search?: string;
  ask?: typeof askBackground;
  timeFormat?: TimeFormat;
  now?: () => number;
}

export function AccessAdminPage({ search = globalThis.location?.search ?? '', ask = askAccessAdmin, timeFormat, now = Date.now }: Props) {
  const [query] = useState(() => new URLSearchParams(search));
  const [user, setUser] = useState<UserSummary | null | undefined>(undefined);
  const [tab, setTab] = useState<Tab>(() => TABS.find(([t]) => t === query.get('view'))?.[0] ?? 'customers');
  const [picks, setPicks] = useState<{ users: Pickable[]; customers: Pickable[] }>({ users: [], customers: [] });
  const [problem, setProblem] = useState<string | null>(null);
  // Service-provider staff (support) look at one partner at a time: `?partner=<id>` or the field below.
  const [partnerField, setPartnerField] = useState(query.get('partner') ?? '');
  const [chosenPartner, setChosenPartner] = useState(query.get('partner'));

  useEffect(() => {
    void ask({ type: 'session.status' }).then(async (answer) => {
      if (!answer.ok) return setProblem(answer.message);
      setUser(answer.user);
      if (!answer.user || answer.user.home_tenant.kind === 'client') return;
      const partnerId = answer.user.home_tenant.kind === 'service_provider' ? chosenPartner : answer.user.home_tenant.id;
      if (!partnerId) return;
      // What the assign forms offer: the partner's users and its approved customers.
      const [users, customers] = await Promise.all([
        ask({ type: 'access.users.list', partnerId, query: { limit: 200 } }),
        ask({ type: 'access.customers.list', partnerId, query: { relationship: 'approved', limit: 200 } }),
      ]);
      setPicks({
        users: users.ok ? users.page.users.map((u) => ({ id: u.id, name: u.name, detail: u.email })) : [],
        customers: customers.ok ? customers.page.customers.map((c) => ({ id: c.id, name: c.name, products: c.products })) : [],
      });
      if (!users.ok) setProblem(users.message);
    });
  }, [chosenPartner]);

  if (user === undefined) return problem ? <p role="alert" class="problem">{problem}</p> : <p role="status">Loading…</p>;
  if (user === null) return <p class="signed-out">Sign in from the MSP Switchboard toolbar button, then open this page again.</p>;
  const serviceProvider = user.home_tenant.kind === 'service_provider';
  const partnerId = serviceProvider ? chosenPartner : user.home_tenant.id;
  const partnerPicker = serviceProvider ? (
    <form class="filters" aria-label="Partner" onSubmit={(e) => (e.preventDefault(), setChosenPartner(partnerField.trim() || null))}>
      <label class="field">
        Partner (tenant id)
        <input value={partnerField} onInput={(e) => setPartnerField(e.currentTarget.value)} />
      </label>
      <button type="submit">Show partner</button>
    </form>
  ) : null;
  return (
    <main class="access-page">
      <header class="page-header">
        <h1>Manage customer access</h1>
        <p class="signed-in">
          {user.email} · {user.home_tenant.name}
        </p>
      </header>
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      {partnerPicker}
      {user.home_tenant.kind === 'client' ? (
        <AccessAdminRelationships ask={ask} />
      ) : !partnerId ? (
        <p class="help">Enter the partner whose customers and users to show.</p>
      ) : (
        <>
          <div role="tablist" aria-label="Manage customer access" class="tabs">
            {TABS.map(([id, label]) => (
              <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} onClick={() => setTab(id)}>
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'customers' ? <AccessAdminCustomers key={partnerId} partnerId={partnerId} users={picks.users} ask={ask} initialCustomer={query.get('tenant')} timeFormat={timeFormat} /> : null}
            {tab === 'users' ? <AccessAdminUsers key={partnerId} partnerId={partnerId} users={picks.users} customers={picks.customers} ask={ask} timeFormat={timeFormat} /> : null}
            {tab === 'requests' ? <AccessAdminRequests ask={ask} timeFormat={timeFormat} now={now} /> : null}
            {tab === 'tenants' ? <AccessAdminTenants key={partnerId} partnerId={partnerId} ask={ask} /> : null}
          </div>
        </>
      )}
    </main>
  );
}
