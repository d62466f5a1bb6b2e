// A customer's relationship actions (seed 003): ask to manage it, or remove the relationship,
// which ends every grant under it at once (confirmed first). A stale version offers a retry.
import { useState } from 'preact/hooks';
import type { CustomerRow } from '../../shared/access-admin-views';
import type { askBackground } from '../utils/messaging';

interface Props {
  customer: CustomerRow;
  ask: typeof askBackground;
  onChanged: (message: string) => void;
  onProblem: (message: string) => void;
}

export function AccessAdminRelationshipActions({ customer: c, ask, onChanged, onProblem }: Props) {
  const [confirming, setConfirming] = useState(false);
  const rel = c.relationship;
  async function run(request: Parameters<typeof ask>[0], done: string) {
    const answer = await ask(request);
    setConfirming(false);
    if (answer.ok) return onChanged(done);
    onProblem('current' in answer ? `${answer.message} It was changed meanwhile: the list now shows it as it is; try again.` : answer.message);
    if ('current' in answer) onChanged('');
  }
  if (!rel || rel.state === 'removed')
    return (
      <button type="button" onClick={() => void run({ type: 'access.relationships.request', customerId: c.id }, `Asked ${c.name} to approve management.`)}>
        Request to manage {c.name}
      </button>
    );
  if (confirming)
    return (
      <span role="group" aria-label={`Confirm removing ${c.name}`}>
        <span>Every user’s access to {c.name} ends at once.</span>
        <button type="button" onClick={() => void run({ type: 'access.relationships.remove', relationshipId: rel.id, version: rel.version }, `Relationship with ${c.name} removed.`)}>
          Yes, remove access
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </span>
    );
  return (
    <button type="button" aria-label={`Remove the relationship with ${c.name}`} onClick={() => setConfirming(true)}>
      Remove relationship
    </button>
  );
}
