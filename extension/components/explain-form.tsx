// "Why can't I …": a permission (searchable list of the catalogue), optionally another user (support
// staff with MSP_View), and the BFF's explanation. Asked again for each tenant shown, so the
// explanation on screen always belongs to the tenant on screen.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ExplainResponse } from '../../shared/access-explain';
import { PERMISSION_IDS, PERMISSION_SETS, PERMISSIONS } from '../../shared/catalogue';
import { explainRequestSchema } from '../../shared/access-explain-messages';
import type { TimeFormat } from '../state/access-labels';
import type { askBackground } from '../utils/messaging';
import { askExplain } from '../utils/explain-messaging';
import { ExplanationView } from './explanation-view';

interface ExplainFormProps {
  tenantId: string;
  initialPermission?: string;
  explanation: ExplainResponse | null;
  onExplained: (explanation: ExplainResponse | null) => void;
  ask?: typeof askBackground;
  timeFormat?: TimeFormat;
}

const optionLabel = (id: string) => PERMISSION_SETS[PERMISSIONS.get(id)!.set].name;

export function ExplainForm({ tenantId, initialPermission = '', explanation, onExplained, ask = askExplain, timeFormat }: ExplainFormProps) {
  const [permission, setPermission] = useState(initialPermission);
  const [userId, setUserId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const ids = { heading: useId(), list: useId(), userHelp: useId() };

  async function explain() {
    const parsed = explainRequestSchema.safeParse({
      type: 'access.explain',
      tenantId,
      ...(permission.trim() ? { permission: permission.trim() } : {}),
      ...(userId.trim() ? { userId: userId.trim() } : {}),
    });
    onExplained(null);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setProblem(`${issue?.path[0] === 'userId' ? 'User (id)' : 'Permission'}: ${issue?.message ?? 'not valid'}`);
    }
    const mine = ++asked.current;
    setBusy(true);
    setProblem(null);
    const answer = await ask(parsed.data);
    if (mine !== asked.current) return; // a newer question is under way
    setBusy(false);
    if (!answer.ok) setProblem(answer.message);
    else if ('explanation' in answer) onExplained(answer.explanation);
  }

  // Each tenant shown is explained at once when a known permission is filled in (?permission=);
  // an answer still on its way about the previous tenant is dropped.
  useEffect(() => {
    asked.current++;
    setBusy(false);
    if (PERMISSIONS.has(permission.trim())) void explain();
  }, [tenantId]);

  return (
    <section class="explain" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Why can't I …</h2>
      <form
        class="explain-form"
        onSubmit={(e) => {
          e.preventDefault();
          void explain();
        }}
      >
        <label class="field">
          Permission
          <input type="text" list={ids.list} value={permission} onInput={(e) => setPermission(e.currentTarget.value)} autocomplete="off" spellcheck={false} />
        </label>
        <datalist id={ids.list}>
          {PERMISSION_IDS.map((id) => (
            <option key={id} value={id} label={optionLabel(id)} />
          ))}
        </datalist>
        <label class="field">
          User (id)
          <input type="text" value={userId} onInput={(e) => setUserId(e.currentTarget.value)} aria-describedby={ids.userHelp} autocomplete="off" spellcheck={false} />
        </label>
        <p id={ids.userHelp} class="help">
          For support staff with MSP_View: another user's id. Leave empty for yourself.
        </p>
        <button type="submit" disabled={busy}>
          Explain
        </button>
      </form>
      {busy ? <p role="status">Explaining…</p> : null}
      {problem ? (
        <p role="alert" class="problem">
          {problem}
        </p>
      ) : null}
      {explanation ? <ExplanationView explanation={explanation} timeFormat={timeFormat} /> : null}
    </section>
  );
}
