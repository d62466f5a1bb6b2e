// The active customer's pin, colour and short label: analysts mark the customers they must not
// confuse (acting in the wrong tenant is their most costly mistake).
import { useState } from 'preact/hooks';
import { customerMarkSchema, type CustomerMark } from '../../shared/extension-messages-core';
import type { CustomerEntry } from '../../shared/tenant-context';

const DEFAULT_COLOUR = '#d1242f';

interface Props {
  entry: CustomerEntry;
  mark: CustomerMark | undefined;
  pinned: boolean;
  onTogglePin: () => void;
  onMark: (mark: CustomerMark | null) => void;
}

export function CustomerMarkEditor({ entry, mark, pinned, onTogglePin, onMark }: Props) {
  const [label, setLabel] = useState(mark?.label ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (next: { colour?: string; label?: string }) => {
    const parsed = customerMarkSchema.safeParse({ colour: mark?.colour ?? DEFAULT_COLOUR, label, ...next });
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid'));
    if (parsed.success) onMark(parsed.data);
  };
  return (
    <div class="mark-editor" role="group" aria-label={`Marks for ${entry.name}`}>
      <button type="button" class="mark-pin" aria-pressed={pinned} onClick={onTogglePin}>
        {pinned ? `Unpin ${entry.name}` : `Pin ${entry.name}`}
      </button>
      <label class="mark-field">
        Colour
        <input type="color" value={mark?.colour ?? DEFAULT_COLOUR} onInput={(e) => save({ colour: e.currentTarget.value })} />
      </label>
      <label class="mark-field">
        Label
        <input type="text" maxLength={16} value={label} placeholder="e.g. PROD" onInput={(e) => setLabel(e.currentTarget.value)} onChange={(e) => save({ label: e.currentTarget.value })} />
      </label>
      {mark ? (
        <button type="button" class="mark-clear" onClick={() => (setLabel(''), onMark(null))}>
          Clear colour
        </button>
      ) : null}
      {problem ? <span role="alert" class="mark-problem">{problem}</span> : null}
    </div>
  );
}
