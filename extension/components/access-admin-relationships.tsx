// A customer's side of seed 003's relationships: the partners that manage it or ask to, with
// Approve for a pending request and Remove (which ends every partner user's access at once).
import { useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../shared/access-admin-common';
import type { askBackground } from '../utils/messaging';

export function AccessAdminRelationships({ ask }: { ask: typeof askBackground }) {
  const [list, setList] = useState<RelationshipView[] | null>(null);
  const [status, setStatus] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);
  async function load() {
    const answer = await ask({ type: 'access.relationships.list' });
    if (answer.ok) setList(answer.relationships);
    else setStatus({ kind: 'problem', text: answer.message });
  }
  useEffect(() => void load(), []);
  async function act(r: RelationshipView, verb: 'approve' | 'remove') {
    const answer = await ask({ type: verb === 'approve' ? 'access.relationships.approve' : 'access.relationships.remove', relationshipId: r.id, version: r.version });
    if (answer.ok) setStatus({ kind: 'done', text: verb === 'approve' ? `${r.partner.name} may now manage access.` : `${r.partner.name} no longer manages access; its users' access ended.` });
    else setStatus({ kind: 'problem', text: 'current' in answer ? `${answer.message} The list shows it as it is now.` : answer.message });
    await load();
  }
  return (
    <section class="relationships" aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">Partners managing this account</h2>
      {status ? <p role={status.kind === 'problem' ? 'alert' : 'status'} class={status.kind === 'problem' ? 'problem' : 'done'}>{status.text}</p> : null}
      {!list ? (
        <p role="status">Loading…</p>
      ) : list.length === 0 ? (
        <p class="empty">No partner manages or asks to manage this account.</p>
      ) : (
        <table aria-label="Partners">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.partner.name}</th>
                <td>{r.state === 'pending' ? '⚠ Pending your approval' : r.state === 'approved' ? 'Approved' : 'Removed'}</td>
                <td class="row-actions">
                  {r.state === 'pending' ? (
                    <button type="button" aria-label={`Approve ${r.partner.name}`} onClick={() => void act(r, 'approve')}>
                      Approve access
                    </button>
                  ) : null}
                  {r.state !== 'removed' ? (
                    <button type="button" aria-label={`Remove ${r.partner.name}`} onClick={() => void act(r, 'remove')}>
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
