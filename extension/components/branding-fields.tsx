// The branding's text fields, colours (typed or picked) and the contrast they make, with every
// finding next to the field it is about. Empty means "inherit": the inherited value is the placeholder.
import { BRANDING_FIELD_LABELS, type BrandingField, type BrandingIssue, type BrandingTextField } from '../../shared/branding';
import type { BrandingEditor } from '../state/branding-editor';
import { colourTools } from '../state/branding-validation';

const SITE: BrandingTextField[] = ['website_title', 'documentation_url'];
const LOGIN: BrandingTextField[] = ['login_header', 'login_subheader'];
const PORTAL: BrandingTextField[] = ['company_name', 'portal_url'];
const COLOURS: BrandingTextField[] = ['text_colour', 'background_colour'];

export function IssueList({ issues, label }: { issues: BrandingIssue[]; label: string }) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" aria-label={label}>
      {issues.map((i) => (
        <li key={`${i.code}:${i.message}`} class={`issue is-${i.severity}`} role={i.severity === 'error' ? 'alert' : undefined}>
          <span class="issue-kind">{i.severity === 'error' ? 'Refused' : 'Advice'}:</span> {i.message}
        </li>
      ))}
    </ul>
  );
}

export const issuesOf = (editor: BrandingEditor, field: BrandingField) => editor.report.value.issues.filter((i) => i.field === field && i.code !== 'low_contrast');

function TextField({ editor, field }: { editor: BrandingEditor; field: BrandingTextField }) {
  const label = BRANDING_FIELD_LABELS[field];
  const inherited = editor.view.value.inherited;
  const from = inherited.sources[field];
  const placeholder = inherited.values[field] ? `${inherited.values[field]} (from ${from?.name ?? 'the default'})` : 'not set: the console’s default';
  const theirs = editor.bffIssues.value.filter((i) => i.field === field);
  return (
    <div class="field">
      <label>
        <span>{label}</span>
        <input type="text" inputMode={field.endsWith('_url') ? 'url' : 'text'} value={editor.text.value[field]} placeholder={placeholder} onInput={(e) => editor.setText(field, e.currentTarget.value)} />
      </label>
      <IssueList issues={issuesOf(editor, field)} label={`${label}: findings`} />
      <IssueList issues={theirs} label={`${label}: the Switchboard service says`} />
    </div>
  );
}

function ColourField({ editor, field }: { editor: BrandingEditor; field: BrandingTextField }) {
  const label = BRANDING_FIELD_LABELS[field];
  const typed = editor.text.value[field];
  const shown = colourTools.toHex(typed) ?? editor.effective.value[field] ?? (field === 'text_colour' ? '#1f2328' : '#ffffff');
  return (
    <div class="field colour-field">
      <label>
        <span>{label}</span>
        <input type="text" value={typed} placeholder={editor.view.value.inherited.values[field] ?? 'inherit'} onInput={(e) => editor.setText(field, e.currentTarget.value)} />
      </label>
      <label class="picker">
        <span class="visually-hidden">{`${label} picker`}</span>
        <input type="color" value={shown} onInput={(e) => editor.setText(field, e.currentTarget.value)} />
      </label>
      <IssueList issues={issuesOf(editor, field)} label={`${label}: findings`} />
    </div>
  );
}

export function ContrastLine({ editor }: { editor: BrandingEditor }) {
  const contrast = editor.report.value.contrast;
  if (!contrast) return <p class="contrast" aria-label="Contrast">Contrast: set both colours (or inherit them) to compute it.</p>;
  const verdict = contrast.meets_minimum ? `meets WCAG 2.2 (at least ${contrast.minimum}:1)` : `below the ${contrast.minimum}:1 WCAG 2.2 asks for text`;
  return (
    <p class={`contrast ${contrast.meets_minimum ? 'is-ok' : 'is-low'}`} aria-label="Contrast" role={contrast.meets_minimum ? undefined : 'alert'}>
      Contrast {contrast.ratio.toFixed(2)}:1, {verdict}
      <span class="swatch" style={{ color: contrast.text_colour, background: contrast.background_colour }}>Aa</span>
    </p>
  );
}

export function BrandingFields({ editor }: { editor: BrandingEditor }) {
  return (
    <>
      <fieldset>
        <legend>Site</legend>
        {SITE.map((f) => <TextField key={f} editor={editor} field={f} />)}
      </fieldset>
      <fieldset>
        <legend>Login page</legend>
        {LOGIN.map((f) => <TextField key={f} editor={editor} field={f} />)}
        {COLOURS.map((f) => <ColourField key={f} editor={editor} field={f} />)}
        <ContrastLine editor={editor} />
      </fieldset>
      <fieldset>
        <legend>White-labelled client portal</legend>
        {PORTAL.map((f) => <TextField key={f} editor={editor} field={f} />)}
      </fieldset>
    </>
  );
}
