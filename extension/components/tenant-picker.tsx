// A labelled tenant field with its button ("Tenant" + "Show", "Compare with" + "Compare"): a text
// input offering the analyst's customers from a shared <datalist>, accepting any tenant id too
// (support staff look at tenants that are in nobody's switcher).
import { useId, useState } from 'preact/hooks';
import { idSchema } from '../../shared/common';

interface TenantPickerProps {
  label: string;
  button: string;
  /** The id of the page's <datalist> of customers. */
  listId: string;
  initial?: string;
  busy?: boolean;
  /** Turns what was typed into a tenant id (a customer's exact name becomes its id). */
  resolve?: (typed: string) => string;
  onPick: (tenantId: string) => void;
}

export function TenantPicker({ label, button, listId, initial = '', busy = false, resolve = (t) => t, onPick }: TenantPickerProps) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const helpId = useId();
  function submit(e: SubmitEvent) {
    e.preventDefault();
    const parsed = idSchema.safeParse(resolve(value.trim()));
    setProblem(parsed.success ? null : `${label}: ${value.trim() ? parsed.error.issues[0]?.message : 'type a tenant id or pick a customer'}`);
    if (parsed.success) onPick(parsed.data);
  }
  return (
    <form class="tenant-picker" onSubmit={submit}>
      <label class="field">
        {label}
        <input
          type="text"
          list={listId}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-describedby={helpId}
          autocomplete="off"
          spellcheck={false}
        />
      </label>
      <button type="submit" disabled={busy}>
        {button}
      </button>
      <p id={helpId} class="help">
        One of your customers, or any tenant id.
      </p>
      {problem ? (
        <p role="alert" class="problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
