// A new client (seed 000's account fields, seed 002's e-mail domain, seed 001's packages and
// add-ons): checked with the contract before sending; the BFF's refusals shown beside their field.
import { useState } from 'preact/hooks';
import type { TenantAdminView } from '../../shared/access-admin-tenants';
import { createTenantForm, TENANT_FIELDS } from '../state/access-admin-tenants';
import type { askAccessAdmin } from '../utils/access-admin-messaging';
import { AccessAdminSubscriptionChoices } from './access-admin-tenants-subscriptions';

interface Props {
  partnerId: string;
  ask: typeof askAccessAdmin;
  onCreated: (tenant: TenantAdminView) => void;
}

export function AccessAdminTenantCreate({ partnerId, ask, onCreated }: Props) {
  const [form] = useState(() => createTenantForm(partnerId));
  const [busy, setBusy] = useState(false);
  const errors = form.errors.value;

  async function submit(e: Event) {
    e.preventDefault();
    const body = form.body();
    if (!body) return;
    setBusy(true);
    const answer = await ask({ type: 'access.tenants.create', tenant: body });
    setBusy(false);
    if (answer.ok) return onCreated(answer.tenant);
    form.refused(answer);
  }

  return (
    <form aria-label="New client" class="tenant-create" noValidate onSubmit={submit}>
      {form.problem.value ? <p role="alert" class="problem">{form.problem.value}</p> : null}
      {TENANT_FIELDS.map(({ field, label, hint }) => (
        <div key={field} class="field">
          <label for={`tenant-${field}`}>{label}</label>
          <input
            id={`tenant-${field}`}
            name={field}
            value={form.values.value[field]}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `tenant-${field}-error` : hint ? `tenant-${field}-hint` : undefined}
            onInput={(e) => form.set(field, e.currentTarget.value)}
          />
          {errors[field] ? (
            <span id={`tenant-${field}-error`} class="field-error">
              {errors[field]}
            </span>
          ) : hint ? (
            <span id={`tenant-${field}-hint`} class="hint">
              {hint}
            </span>
          ) : null}
        </div>
      ))}
      <AccessAdminSubscriptionChoices packages={form.packages.value} addons={form.addons.value} onChange={(p, a) => ((form.packages.value = p), (form.addons.value = a))} />
      <button type="submit" disabled={busy}>
        Create client
      </button>
    </form>
  );
}
