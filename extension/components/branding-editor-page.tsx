// The branding editor (issue 16), an extension page opened for one console tab
// (`branding.html?tab=<id>&tenant=<id>`). While it is open it holds a runtime port for that tab and
// every edit is shown there at once; closing it puts the published look back. Publishing and
// rollback go through the BFF's change summary and a confirmation. All BFF calls go through the
// background, which alone holds the session token.
import { effect } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BRANDING_IMAGE_FIELDS } from '../../shared/branding';
import { previewPortName } from '../../shared/branding-messages';
import { createBrandingEditor, type BrandingEditor } from '../state/branding-editor';
import { CONSOLE_URL } from '../utils/config';
import type { askBackground } from '../utils/messaging';
import { askBrandingEditor } from '../utils/branding-messaging';
import { BrandingFields, IssueList } from './branding-fields';
import { BrandingImageDrop } from './branding-image-drop';
import { BrandingPreviewControls } from './branding-preview-controls';
import { BrandingHistory, BrandingReview, type Review } from './branding-review';

interface Props {
  search?: string;
  ask?: typeof askBackground;
  /** Opens the port that keeps the preview alive (the real runtime's by default). */
  connect?: (name: string) => { disconnect(): void };
}

const defaultConnect = (name: string) => browser.runtime.connect({ name });

export function BrandingEditorPage({ search = globalThis.location?.search ?? '', ask = askBrandingEditor, connect = defaultConnect }: Props) {
  const query = useMemo(() => new URLSearchParams(search), [search]);
  const tenantId = query.get('tenant');
  const tab = /^\d+$/.test(query.get('tab') ?? '') ? Number(query.get('tab')) : null;
  const [editor, setEditor] = useState<BrandingEditor | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!tenantId) return setProblem('Open the editor from a customer’s console page (toolbar popup: Branding).');
    void ask({ type: 'branding.view', tenantId }).then((answer) => {
      if (answer.ok && 'view' in answer) setEditor(createBrandingEditor(answer.view));
      else setProblem(answer.ok ? 'Unexpected answer.' : answer.message);
    });
  }, [tenantId]);

  if (problem) return <main class="branding-page"><h1>Branding</h1><p class="problem" role="alert">{problem}</p></main>;
  if (!editor) return <main class="branding-page"><p role="status">Loading the branding…</p></main>;
  return <Editor editor={editor} tab={tab} ask={ask} connect={connect} />;
}

function Editor({ editor, tab, ask, connect }: { editor: BrandingEditor; tab: number | null; ask: typeof askBackground; connect: NonNullable<Props['connect']> }) {
  const view = editor.view.value;
  const tenantId = view.tenant.id;
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  // The port keeps the preview alive; every change of the draft (or of the role, screen, side) is shown at once.
  useEffect(() => {
    if (tab === null) return;
    const port = connect(previewPortName(tab));
    let last = 0;
    const stop = effect(() => {
      const preview = editor.preview.value;
      const mine = ++last;
      void ask({ type: 'branding.preview', tabId: tab, tenantId, preview }).then((a) => mine === last && setPreviewProblem(a.ok ? null : a.message));
    });
    return () => (stop(), port.disconnect());
  }, [editor, tab, tenantId]);

  // Stored images (published, inherited, drafts) are fetched once each, as data: URLs the console may show.
  useEffect(
    () =>
      effect(() => {
        for (const imageId of editor.missingSources.value) {
          void ask({ type: 'branding.image', tenantId, imageId }).then((a) => a.ok && 'dataUrl' in a && a.dataUrl && editor.addSource(imageId, a.dataUrl));
        }
      }),
    [editor],
  );

  const reload = async () => {
    const answer = await ask({ type: 'branding.view', tenantId });
    if (answer.ok && 'view' in answer) editor.reset(answer.view);
  };
  const fail = (message: string) => (setStatus({ text: message, error: true }), setBusy(false));

  async function reviewPublish() {
    setBusy(true);
    setStatus(null);
    const saved = await ask({ type: 'branding.saveDraft', tenantId, baseVersion: view.published?.version ?? 0, values: editor.input.value });
    if (!saved.ok) {
      if ('issues' in saved) editor.bffIssues.value = saved.issues;
      return fail(`The Switchboard service refused the draft: ${saved.message}`);
    }
    const changes = await ask({ type: 'branding.changes', tenantId });
    if (!changes.ok || !('changes' in changes)) return fail(changes.ok ? 'Unexpected answer.' : changes.message);
    setReview({ kind: 'publish', changes: changes.changes });
    setBusy(false);
  }

  async function reviewRollback(version: number) {
    setBusy(true);
    setStatus(null);
    const changes = await ask({ type: 'branding.changes', tenantId, version });
    if (!changes.ok || !('changes' in changes)) return fail(changes.ok ? 'Unexpected answer.' : changes.message);
    setReview({ kind: 'rollback', toVersion: version, changes: changes.changes });
    setBusy(false);
  }

  async function confirm() {
    if (!review) return;
    setBusy(true);
    const expected = review.changes.expected_version;
    const answer =
      review.kind === 'publish'
        ? await ask({ type: 'branding.publish', tenantId, expectedVersion: expected })
        : await ask({ type: 'branding.rollback', tenantId, toVersion: review.toVersion!, expectedVersion: expected });
    setReview(null);
    if (!answer.ok || !('published' in answer)) {
      if (!answer.ok && answer.error === 'conflict') await reload();
      return fail(answer.ok ? 'Unexpected answer.' : `Not published: ${answer.message}`);
    }
    const v = answer.published.published;
    setStatus({ text: review.kind === 'publish' ? `Published version ${v.version}: users see it on their next page load.` : `Rolled back: version ${v.version} restores version ${v.restored_version}.`, error: false });
    await reload();
    setBusy(false);
  }

  const current = view.published?.version ?? null;
  return (
    <main class="branding-page">
      <header class="page-header">
        <h1>{`Branding of ${view.tenant.name}`}</h1>
        <p class="tenant-facts">{view.parent ? `Inherits per field from ${view.parent.name}; empty fields inherit.` : 'Empty fields show the console’s default.'}</p>
      </header>
      {view.edit.allowed ? null : (
        <p class="rights" role="note" aria-label="Your rights">{`You can preview but not publish: ${view.edit.reason}`}</p>
      )}
      {tab === null ? <p class="help">No console tab to preview on: open the editor from a console page.</p> : null}
      {previewProblem ? <p class="problem" role="alert">{`Preview: ${previewProblem}`}</p> : null}
      <div class="columns">
        <form class="editor" aria-label="Branding fields" onSubmit={(e) => e.preventDefault()}>
          <BrandingFields editor={editor} />
          <fieldset>
            <legend>Images</legend>
            {BRANDING_IMAGE_FIELDS.map((f) => <BrandingImageDrop key={f} editor={editor} field={f} ask={ask} />)}
          </fieldset>
        </form>
        <div class="side">
          <BrandingPreviewControls editor={editor} consoleUrl={CONSOLE_URL} />
          <section aria-label="Publish">
            <h2>Publish</h2>
            {/* Text fields show the BFF's findings beside them; the images' are listed here. */}
            <IssueList issues={editor.bffIssues.value.filter((i) => (BRANDING_IMAGE_FIELDS as readonly string[]).includes(i.field))} label="The Switchboard service says" />
            <p class="help">{editor.edits.value ? `${editor.edits.value} field(s) differ from what is published.` : 'No changes yet.'} Nothing is saved or shown to anyone until you publish.</p>
            <button type="button" class="primary" disabled={busy || editor.hasErrors.value} onClick={() => void reviewPublish()}>Review and publish…</button>
            {editor.hasErrors.value ? <p class="help">Fix what is refused above to publish.</p> : null}
            {status ? <p class={status.error ? 'problem' : 'done'} role={status.error ? 'alert' : 'status'} aria-label="Publish result">{status.text}</p> : null}
            {review ? <BrandingReview review={review} tenantName={view.tenant.name} sources={editor.sources.value} busy={busy} onConfirm={() => void confirm()} onCancel={() => setReview(null)} /> : null}
          </section>
          <section aria-label="History">
            <h2>History</h2>
            <BrandingHistory history={view.history} current={current} busy={busy} onRollback={(v) => void reviewRollback(v)} />
          </section>
        </div>
      </div>
    </main>
  );
}

