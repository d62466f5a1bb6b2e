// The audit trail of one customer or one user: who did what, when, before and after; newest
// first, a page at a time; exported as CSV or JSON lines through the background (the token stays
// there), saved from the text it answers.
import { useEffect, useState } from 'preact/hooks';
import type { AuditEventView } from '../../shared/access-admin-audit';
import { localTime, type TimeFormat } from '../state/access-labels';
import type { askBackground } from '../utils/messaging';

interface Props {
  filter: { tenant_id?: string; user_id?: string };
  title: string;
  ask: typeof askBackground;
  timeFormat?: TimeFormat;
  /** Saves an export; a download link by default. */
  save?: (fileName: string, mediaType: string, text: string) => void;
}

const PAGE = 25;

function download(fileName: string, mediaType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export function AccessAdminAudit({ filter, title, ask, timeFormat, save = download }: Props) {
  const [events, setEvents] = useState<AuditEventView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function load(cursor?: string) {
    const answer = await ask({ type: 'access.audit.list', query: { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) } });
    if (!answer.ok) return setProblem(answer.message);
    setEvents((prev) => (cursor ? [...(prev ?? []), ...answer.page.events] : answer.page.events));
    setNext(answer.page.next_cursor);
  }
  useEffect(() => void load(), [filter.tenant_id, filter.user_id]);
  async function exportAs(format: 'csv' | 'jsonl') {
    const answer = await ask({ type: 'access.audit.export', query: { ...filter, format } });
    if (answer.ok) save(answer.fileName, answer.mediaType, answer.text);
    else setProblem(answer.message);
  }
  return (
    <section class="audit" aria-label={title}>
      <h3>{title}</h3>
      <span class="actions">
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('jsonl')}>
          Export JSON lines
        </button>
      </span>
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      {!events ? (
        <p role="status">Loading the audit trail…</p>
      ) : events.length === 0 ? (
        <p class="empty">Nothing recorded yet.</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Who</th>
              <th scope="col">About</th>
              <th scope="col">Outcome</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{localTime(e.at, timeFormat)}</td>
                <th scope="row">{e.action}</th>
                <td>{e.actor_user_id ?? '—'}</td>
                <td>{e.subject_user_id ?? e.tenant_id ?? '—'}</td>
                <td>
                  {e.outcome === 'success' ? 'Done' : 'Refused'}
                  {e.reason ? <span class="muted"> {e.reason}</span> : null}
                </td>
                <td class="json">{json(e.before)}</td>
                <td class="json">{json(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" onClick={() => void load(next)}>
          Older events
        </button>
      ) : null}
    </section>
  );
}
