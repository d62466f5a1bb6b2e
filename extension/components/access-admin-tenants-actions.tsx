// A single-use invitation link (seed 002; no mail server: the admin copies it) and termination
// (seed 000: type the name as shown and tick the acknowledgement; the button waits for both).
import { useState } from 'preact/hooks';
import type { TenantAdminView } from '../../shared/access-admin-tenants';
import { CLIENT_INVITE_ROLES, terminationConfirmed } from '../state/access-admin-tenants';
import type { askAccessAdmin } from '../utils/access-admin-messaging';

/** A refusal in the BFF's words, in the form it refused. */
export const Problem = ({ text }: { text: string | null }) => (text ? <p role="alert" class="problem">{text}</p> : null);

interface Props {
  tenant: TenantAdminView;
  ask: typeof askAccessAdmin;
}

export function AccessAdminTenantInvite({ tenant, ask, copy = (text) => navigator.clipboard.writeText(text) }: Props & { copy?: (text: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('platform_administrator');
  const [link, setLink] = useState<{ url: string; email: string; expires: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  async function invite(e: Event) {
    e.preventDefault();
    const answer = await ask({ type: 'access.tenants.invite', tenantId: tenant.id, invitation: { email: email.trim(), role } });
    if (!answer.ok) return setProblem(answer.message);
    setProblem(null);
    setCopied(null);
    setLink({ url: answer.invitation.link, email: answer.invitation.email, expires: answer.invitation.expires_at });
  }

  return (
    <form aria-label={`Invite a user to ${tenant.name}`} onSubmit={invite}>
      <Problem text={problem} />
      <label class="field">
        E-mail of the invitee
        <input type="email" value={email} aria-describedby={`invite-hint-${tenant.id}`} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <p id={`invite-hint-${tenant.id}`} class="hint">
        Only an address under {tenant.email_domain ?? 'the tenant’s domain'}.
      </p>
      <label class="field">
        Role
        <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {CLIENT_INVITE_ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Create invitation link</button>
      {link ? (
        <div class="invitation">
          <label class="field">
            Invitation link for {link.email}
            <input readOnly value={link.url} />
          </label>
          <p class="hint">Single use, valid until {link.expires}. It is shown only now.</p>
          <button type="button" onClick={() => void copy(link.url).then(() => setCopied('Copied.'), () => setCopied('Could not copy: select the link and copy it.'))}>
            Copy
          </button>
          {copied ? <span role="status">{copied}</span> : null}
        </div>
      ) : null}
    </form>
  );
}

export function AccessAdminTenantTerminate({ tenant, ask, onTerminated }: Props & { onTerminated: (tenant: TenantAdminView, revoked: number) => void }) {
  const [typed, setTyped] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ready = terminationConfirmed(typed, tenant.name) && acknowledged;

  async function terminate(e: Event) {
    e.preventDefault();
    if (!ready) return;
    const answer = await ask({ type: 'access.tenants.terminate', tenantId: tenant.id, terminate: { confirm_name: typed, acknowledge_data_loss: true } });
    if (!answer.ok) return setProblem(answer.message);
    onTerminated(answer.tenant, answer.revokedGrantIds.length);
  }

  return (
    <form aria-label={`Terminate ${tenant.name}`} class="danger" onSubmit={terminate}>
      <Problem text={problem} />
      <p>Termination ends every user’s and analyst’s access to {tenant.name} and cannot be undone.</p>
      <label class="field">
        Type {tenant.name} to confirm
        <input value={typed} autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <label>
        <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />I understand the tenant’s data will be lost
      </label>
      <button type="submit" disabled={!ready}>
        Terminate {tenant.name}
      </button>
    </form>
  );
}
