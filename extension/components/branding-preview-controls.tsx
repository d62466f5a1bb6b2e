// How the preview is shown: as which end-customer role (seed 004), the console page or its login
// page, before (published) or after (the draft); and, in the editor itself, the browser tab strip
// and the login page as that role will see them.
import { PREVIEW_ROLES, type BrandingLook, type PreviewRole } from '../../shared/branding-messages';
import type { BrandingEditor } from '../state/branding-editor';
import { roleName, roleNote } from '../state/branding-roles';

export function TabStripMock({ look, consoleUrl }: { look: BrandingLook; consoleUrl: string }) {
  return (
    <figure class="tab-strip" aria-label="Browser tab as users will see it">
      <div class="tab">
        {look.favicon ? <img class="tab-favicon" src={look.favicon} alt="Favicon" width={16} height={16} /> : <span class="tab-favicon is-blank" aria-label="No favicon" />}
        <span class="tab-title">{`Dashboard · ${look.website_title ?? 'Contoso Monitor'}`}</span>
      </div>
      <div class="address-bar" aria-label="Address">{look.portal_url ?? consoleUrl}</div>
    </figure>
  );
}

export function LoginMock({ look }: { look: BrandingLook }) {
  const text = look.text_colour ?? '#1f2328';
  const background = look.background_image ? `linear-gradient(rgba(0,0,0,.45), rgba(0,0,0,.45)), url("${look.background_image}")` : undefined;
  return (
    <figure class="login-mock" aria-label="Login page as users will see it" style={{ backgroundImage: background }}>
      <div class="login-card" style={{ background: look.background_colour ?? '#ffffff' }}>
        {look.logo ? <img src={look.logo} alt="Logo" class="login-logo" /> : null}
        <p class="login-header" style={{ color: text }}>{look.login_header ?? 'Sign in to Contoso Monitor'}</p>
        {look.login_subheader ? <p class="login-subheader" style={{ color: text }}>{look.login_subheader}</p> : null}
        {look.company_name ? <p class="login-company">{look.company_name}</p> : null}
      </div>
    </figure>
  );
}

export function BrandingPreviewControls({ editor, consoleUrl }: { editor: BrandingEditor; consoleUrl: string }) {
  const look = editor.preview.value.look;
  return (
    <section class="preview-controls" aria-label="Preview">
      <h2>Preview</h2>
      <div class="controls-row">
        <label class="field">
          <span>Preview as</span>
          <select value={editor.role.value} onChange={(e) => (editor.role.value = e.currentTarget.value as PreviewRole)}>
            {PREVIEW_ROLES.map((r) => <option key={r} value={r}>{roleName(r)}</option>)}
          </select>
        </label>
        <fieldset class="screen-choice">
          <legend>Show on the console tab</legend>
          <label><input type="radio" name="screen" checked={editor.screen.value === 'page'} onChange={() => (editor.screen.value = 'page')} /> Console page</label>
          <label><input type="radio" name="screen" checked={editor.screen.value === 'login'} onChange={() => (editor.screen.value = 'login')} /> Login page</label>
        </fieldset>
        <label class="toggle">
          <input type="checkbox" checked={editor.side.value === 'before'} onChange={(e) => (editor.side.value = e.currentTarget.checked ? 'before' : 'after')} />
          Show the published look (before)
        </label>
      </div>
      <p class="help" aria-label="What this role sees">{roleNote(editor.role.value)}</p>
      {editor.role.value === 'alert_contact' ? null : (
        <div class="mocks">
          <TabStripMock look={look} consoleUrl={consoleUrl} />
          <LoginMock look={look} />
        </div>
      )}
    </section>
  );
}
