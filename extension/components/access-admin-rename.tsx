// Rename a managed customer (seed 003: partner administrators may change its name).
import { useState } from 'preact/hooks';
import type { CustomerRow } from '../../shared/access-admin-views';
import type { askBackground } from '../utils/messaging';

interface Props {
  partnerId: string;
  customer: Pick<CustomerRow, 'id' | 'name'>;
  ask: typeof askBackground;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function AccessAdminRename({ partnerId, customer, ask, onDone, onCancel }: Props) {
  const [name, setName] = useState(customer.name);
  const [problem, setProblem] = useState<string | null>(null);
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const next = name.trim();
    if (!next || next.length > 120) return setProblem('A name has 1 to 120 characters.');
    if (next === customer.name) return onCancel();
    const answer = await ask({ type: 'access.customers.rename', partnerId, customerId: customer.id, rename: { name: next } });
    if (answer.ok) onDone(`Renamed ${customer.name} to ${next}.`);
    else setProblem(answer.message);
  }
  return (
    <form class="rename" aria-label={`Rename ${customer.name}`} onSubmit={save}>
      <label class="field">
        New name
        <input value={name} maxLength={120} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      <button type="submit">Save name</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
