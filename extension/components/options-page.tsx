// The options page: when to warn before time-bound access ends, in minutes (up to five warnings),
// validated with the shared schema and saved to sync storage, where the background reads them.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_EXPIRY_WARNINGS, expiryWarningsSchema } from '../../shared/extension-messages-core';
import { expiryWarningsItem } from '../utils/storage';
import { AccessAdminOpenButton } from './access-admin-open-button';

const MAX_WARNINGS = 5;
const MAX_MINUTES = 7 * 24 * 60;
const fieldProblem = (i: number) => `Warning ${i + 1}: enter a whole number of minutes from 1 to ${MAX_MINUTES} (7 days).`;

type Saved = { state: 'idle' } | { state: 'saved' } | { state: 'invalid'; problems: Record<number, string>; summary: string[] } | { state: 'failed'; message: string };

export function OptionsPage({ item = expiryWarningsItem }: { item?: Pick<typeof expiryWarningsItem, 'getValue' | 'setValue'> }) {
  const [values, setValues] = useState<string[] | null>(null);
  const [saved, setSaved] = useState<Saved>({ state: 'idle' });
  useEffect(() => {
    // Synced storage may hold what another device (or version) wrote: parse it, fall back to the default.
    void item.getValue().then((stored) => setValues((expiryWarningsSchema.safeParse(stored).data ?? DEFAULT_EXPIRY_WARNINGS).map(String)));
  }, [item]);
  if (!values) return <p role="status">Loading…</p>;

  const edit = (next: string[]) => (setValues(next), setSaved({ state: 'idle' }));
  async function save(e: SubmitEvent) {
    e.preventDefault();
    const parsed = expiryWarningsSchema.safeParse(values!.map((v) => (v.trim() === '' ? NaN : Number(v))));
    if (!parsed.success) {
      const problems: Record<number, string> = {};
      for (const issue of parsed.error.issues) if (typeof issue.path[0] === 'number') problems[issue.path[0]] = fieldProblem(issue.path[0]);
      const summary = Object.keys(problems).length ? Object.values(problems) : [`At most ${MAX_WARNINGS} warnings.`];
      return setSaved({ state: 'invalid', problems, summary });
    }
    const minutes = [...new Set(parsed.data)].sort((a, b) => b - a);
    try {
      await item.setValue(minutes);
      setValues(minutes.map(String));
      setSaved({ state: 'saved' });
    } catch (err) {
      setSaved({ state: 'failed', message: `Not saved: ${err instanceof Error ? err.message : 'storage refused the change'}` });
    }
  }

  const problems = saved.state === 'invalid' ? saved.problems : {};
  return (
    <main class="options">
      <h1>MSP Switchboard options</h1>
      <AccessAdminOpenButton />
      <form class="warnings" aria-labelledby="warnings-heading" aria-describedby="warnings-help" onSubmit={save} noValidate>
        <h2 id="warnings-heading">Warn before access ends</h2>
        <p id="warnings-help" class="help">
          A notification this many minutes before your time-bound access to a customer ends: up to {MAX_WARNINGS} warnings, from 1 minute to 7 days ({MAX_MINUTES} minutes). With none, no warning is shown.
        </p>
        <ol class="warning-list">
          {values.map((value, i) => (
            <li key={i} class="warning">
              <label class="field">
                Warning {i + 1} (minutes before access ends)
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_MINUTES}
                  step={1}
                  value={value}
                  aria-invalid={problems[i] ? true : undefined}
                  aria-describedby={problems[i] ? `warning-${i}-problem` : undefined}
                  onInput={(e) => edit(values.map((v, j) => (j === i ? e.currentTarget.value : v)))}
                />
              </label>
              <button type="button" onClick={() => edit(values.filter((_, j) => j !== i))}>
                Remove warning {i + 1}
              </button>
              {problems[i] ? (
                <span id={`warning-${i}-problem`} class="problem">
                  {problems[i]}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        <div class="actions">
          <button type="button" disabled={values.length >= MAX_WARNINGS} onClick={() => edit([...values, ''])}>
            Add a warning
          </button>
          <button type="submit">Save</button>
        </div>
        <p role="status" class="saved">
          {saved.state === 'saved' ? 'Saved' : ''}
        </p>
        {saved.state === 'invalid' || saved.state === 'failed' ? (
          <div role="alert" class="problem">
            {saved.state === 'failed' ? saved.message : <>Not saved: {saved.summary.join(' ')}</>}
          </div>
        ) : null}
      </form>
    </main>
  );
}
