// One client in the Tenants tab: its packages and add-ons, its IP allow-list, an invitation link and
// termination. Each form sends one request; a refusal shows the BFF's own message in the form.
import { useState } from 'preact/hooks';
import type { TenantAdminView } from '../../shared/access-admin-tenants';
import { allowlistEntries } from '../state/access-admin-tenants';
import type { askAccessAdmin } from '../utils/access-admin-messaging';
import { AccessAdminTenantInvite, AccessAdminTenantTerminate, Problem } from './access-admin-tenants-actions';
import { AccessAdminSubscriptionChoices } from './access-admin-tenants-subscriptions';

interface Props {
  tenant: TenantAdminView;
  ask: typeof askAccessAdmin;
  onChanged: (text: string, tenant?: TenantAdminView) => void;
}

export function AccessAdminTenantDetail({ tenant, ask, onChanged }: Props) {
  const [packages, setPackages] = useState(tenant.packages);
  const [addons, setAddons] = useState(tenant.addons);
  const [allowlist, setAllowlist] = useState(tenant.ip_allowlist.join('\n'));
  const [problems, setProblems] = useState<{ subscriptions?: string; allowlist?: string }>({});
  const active = tenant.status === 'active';

  async function saveSubscriptions(e: Event) {
    e.preventDefault();
    const answer = await ask({ type: 'access.tenants.subscriptions', tenantId: tenant.id, subscriptions: { packages, addons } });
    setProblems((p) => ({ ...p, subscriptions: answer.ok ? undefined : answer.message }));
    if (answer.ok) onChanged(`Packages and add-ons saved for ${tenant.name}.`, answer.tenant);
  }
  async function saveAllowlist(e: Event) {
    e.preventDefault();
    const answer = await ask({ type: 'access.tenants.ipAllowlist', tenantId: tenant.id, allowlist: { entries: allowlistEntries(allowlist) } });
    setProblems((p) => ({ ...p, allowlist: answer.ok ? undefined : answer.message }));
    if (answer.ok) onChanged(`IP allow-list saved for ${tenant.name}.`, answer.tenant);
  }

  return (
    <section class="tenant-detail" aria-label={`Tenant ${tenant.name}`}>
      <h3>{tenant.name}</h3>
      <dl class="tenant-facts">
        <dt>Status</dt>
        <dd>{tenant.status}</dd>
        <dt>E-mail domain</dt>
        <dd>{tenant.email_domain ?? '—'}</dd>
        <dt>API server</dt>
        <dd>{tenant.account.api_server ?? '—'}</dd>
      </dl>
      <form aria-label={`Packages and add-ons of ${tenant.name}`} onSubmit={saveSubscriptions}>
        <Problem text={problems.subscriptions ?? null} />
        <AccessAdminSubscriptionChoices packages={packages} addons={addons} onChange={(p, a) => (setPackages(p), setAddons(a))} />
        <button type="submit" disabled={!active}>
          Save packages and add-ons
        </button>
      </form>
      <form aria-label={`IP allow-list of ${tenant.name}`} onSubmit={saveAllowlist}>
        <Problem text={problems.allowlist ?? null} />
        <label class="field">
          IP allow-list
          <textarea rows={4} value={allowlist} aria-describedby={`allowlist-hint-${tenant.id}`} onInput={(e) => setAllowlist(e.currentTarget.value)} />
        </label>
        <p id={`allowlist-hint-${tenant.id}`} class="hint">
          One IP address or CIDR range a line; empty means unrestricted.
        </p>
        <button type="submit" disabled={!active}>
          Save IP allow-list
        </button>
      </form>
      {active ? (
        <>
          <AccessAdminTenantInvite tenant={tenant} ask={ask} />
          <AccessAdminTenantTerminate tenant={tenant} ask={ask} onTerminated={(t, revoked) => onChanged(`${t.name} terminated; ${revoked} grants ended.`, t)} />
        </>
      ) : null}
    </section>
  );
}
