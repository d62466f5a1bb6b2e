// One image field: drop a file (or choose one), judged by its bytes with the BFF's rules before it
// leaves the editor; what passes is uploaded through the background, and the BFF's verdict (it also
// decodes the whole image) is shown when it disagrees. A refused file never replaces the current image.
import { useState } from 'preact/hooks';
import { BRANDING_FIELD_LABELS, type BrandingImageField, type BrandingIssue } from '../../shared/branding';
import type { BrandingEditor } from '../state/branding-editor';
import { checkDroppedImage } from '../state/branding-validation';
import type { askBackground } from '../utils/messaging';
import { askBrandingEditor } from '../utils/branding-messaging';
import { IssueList } from './branding-fields';

const HINTS: Record<BrandingImageField, string> = {
  logo: 'PNG or JPEG, at most 512 x 512 px (512 px high recommended), under 10 KB recommended.',
  favicon: 'PNG or JPEG, square 128 x 128 px, under 10 KB recommended.',
  background_image: 'PNG or JPEG, 1440 x 900 px recommended; smaller images are tiled.',
};

const base64Of = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

interface Props {
  editor: BrandingEditor;
  field: BrandingImageField;
  ask?: typeof askBackground;
}

export function BrandingImageDrop({ editor, field, ask = askBrandingEditor }: Props) {
  const label = BRANDING_FIELD_LABELS[field];
  const [state, setState] = useState<{ busy: boolean; file: string | null; by: 'editor' | 'service' | null }>({ busy: false, file: null, by: null });
  const [over, setOver] = useState(false);
  const tenantId = editor.view.value.tenant.id;
  const current = editor.images.value[field];
  const inherited = editor.view.value.inherited.values[field];
  const src = (current && editor.sources.value[current.id]) || null;

  async function take(file: File) {
    setState({ busy: true, file: file.name, by: null });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const verdict = checkDroppedImage(field, bytes);
    if (!verdict.ok) {
      editor.refuseImage(field, verdict.issues);
      return setState({ busy: false, file: file.name, by: 'editor' });
    }
    const base64 = base64Of(bytes);
    const answer = await ask({ type: 'branding.upload', tenantId, field, fileName: file.name.slice(0, 255), base64 });
    if (answer.ok && 'upload' in answer) {
      const type = answer.upload.image.content_type;
      editor.acceptImage(field, answer.upload.image, `data:${type};base64,${base64}`, answer.upload.issues);
      return setState({ busy: false, file: file.name, by: null });
    }
    const issues: BrandingIssue[] = !answer.ok && 'issues' in answer && answer.issues.length ? answer.issues : [{ field, severity: 'error', code: answer.ok ? 'bad_answer' : answer.error, message: answer.ok ? 'Unexpected answer' : answer.message }];
    editor.refuseImage(field, issues);
    setState({ busy: false, file: file.name, by: 'service' });
  }

  const issues = editor.imageIssues.value[field] ?? [];
  const refused = issues.some((i) => i.severity === 'error');
  return (
    <div
      class={`image-drop${over ? ' is-over' : ''}`}
      role="group"
      aria-label={`${label} drop zone`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) void take(file);
      }}
    >
      <div class="image-current">
        {src ? <img src={src} alt={`Current ${label.toLowerCase()}`} /> : <span class="image-none">{current ? 'stored image' : inherited ? `inherits ${editor.view.value.inherited.sources[field]?.name ?? ''}’s` : 'none'}</span>}
      </div>
      <div class="image-controls">
        <label>
          <span>{`${label} file`}</span>
          <input type="file" accept="image/png,image/jpeg" disabled={state.busy} onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void take(file);
            e.currentTarget.value = '';
          }} />
        </label>
        <p class="help">Drop a file here or choose one. {HINTS[field]}</p>
        {current ? <button type="button" onClick={() => editor.clearImage(field)}>{`Remove ${label.toLowerCase()}`}</button> : null}
        {state.busy ? <p role="status">Checking {state.file}…</p> : null}
        {refused && state.file ? <p class="refused">{state.by === 'service' ? `The Switchboard service refused ${state.file}:` : `${state.file} was refused:`}</p> : null}
        <IssueList issues={issues} label={`${label}: findings`} />
      </div>
    </div>
  );
}
