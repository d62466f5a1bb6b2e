// Shows a branding on a console page through the console's documented hooks (docs/branding.md:
// `data-brand` elements, `--brand-*` custom properties, the favicon link, the title's page part,
// the login panel's template), and puts the page back exactly as it was. Nothing is stored: a
// reload shows the published look again.
import type { BrandingPreview } from '../../shared/branding-messages';

/** The console's own look when nothing is published (docs/branding.md, "default" column). */
const DEFAULTS = { text: '#1f2328', background: '#ffffff', siteName: 'Contoso Monitor', loginHeader: 'Sign in to Contoso Monitor', favicon: 'data:,' };
const PROPS = ['--brand-text', '--brand-background', '--brand-background-image'] as const;
const OVERLAY = 'data-switchboard-branding-preview';

interface Saved {
  title: string;
  props: Record<string, string>;
  /** Every hook element with the attributes and text it had. */
  elements: { el: Element; attrs: Record<string, string | null>; text: string | null }[];
}

const HOOKS = ['logo', 'favicon', 'site-name', 'docs-link', 'company-name', 'portal-url', 'login-header', 'login-subheader'];
const TEXT_HOOKS = new Set(['site-name', 'company-name', 'portal-url', 'login-header', 'login-subheader']);

export function brandingPage(doc: Document) {
  let saved: Saved | null = null;
  const root = doc.documentElement;
  const hooks = (name: string) => [...doc.querySelectorAll(`[data-brand="${name}"]`)];

  function save() {
    if (saved) return;
    saved = {
      title: doc.title,
      props: Object.fromEntries(PROPS.map((p) => [p, root.style.getPropertyValue(p)])),
      elements: HOOKS.flatMap(hooks).map((el) => ({
        el,
        attrs: Object.fromEntries(['src', 'href', 'hidden'].map((a) => [a, el.getAttribute(a)])),
        text: TEXT_HOOKS.has(el.getAttribute('data-brand')!) ? el.textContent : null,
      })),
    };
  }

  const show = (el: Element, visible: boolean) => (visible ? el.removeAttribute('hidden') : el.setAttribute('hidden', ''));

  function loginOverlay(preview: BrandingPreview) {
    doc.querySelector(`[${OVERLAY}="login"]`)?.remove();
    if (preview.screen !== 'login') return;
    const overlay = doc.createElement('section');
    overlay.setAttribute(OVERLAY, 'login');
    overlay.setAttribute('aria-label', 'Login page preview');
    overlay.setAttribute('style', 'position:fixed;inset:48px 0 0 0;z-index:2147482000;overflow:auto;background:#fff;');
    const template = doc.querySelector<HTMLTemplateElement>('template#brand-login-template');
    if (template) overlay.append(template.content.cloneNode(true));
    else overlay.textContent = 'This page has no login panel to preview.';
    doc.body.append(overlay);
  }

  function banner(preview: BrandingPreview, roleName: string) {
    let el = doc.querySelector(`[${OVERLAY}="banner"]`);
    if (!el) {
      el = doc.createElement('div');
      el.setAttribute(OVERLAY, 'banner');
      el.setAttribute('role', 'status');
      el.setAttribute('style', 'position:fixed;right:12px;bottom:12px;z-index:2147483000;max-width:420px;padding:8px 12px;border-radius:6px;background:#1f2328;color:#fff;font:13px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);');
      doc.body.append(el);
    }
    const what = preview.side === 'before' ? 'Published branding (before)' : 'Draft branding preview (not published)';
    const noAccess = preview.role === 'alert_contact' ? ' Alert Contacts cannot open this page at all.' : '';
    el.textContent = `${what}, as ${roleName}.${noAccess}`;
  }

  return {
    apply(preview: BrandingPreview, roleName: string) {
      save();
      const look = preview.look;
      root.style.setProperty('--brand-text', look.text_colour ?? DEFAULTS.text);
      root.style.setProperty('--brand-background', look.background_colour ?? DEFAULTS.background);
      root.style.setProperty('--brand-background-image', look.background_image ? `url("${look.background_image}")` : 'none');
      const page = doc.querySelector('meta[name="switchboard-page-title"]')?.getAttribute('content');
      const site = look.website_title ?? DEFAULTS.siteName;
      doc.title = page ? `${page} · ${site}` : site;
      loginOverlay(preview); // before the hooks, so the cloned login panel is filled too
      for (const el of hooks('favicon')) el.setAttribute('href', look.favicon ?? DEFAULTS.favicon);
      for (const el of hooks('logo')) {
        if (look.logo) el.setAttribute('src', look.logo);
        show(el, !!look.logo);
      }
      for (const el of hooks('site-name')) el.textContent = look.company_name ?? look.website_title ?? DEFAULTS.siteName;
      for (const el of hooks('docs-link')) {
        if (look.documentation_url) el.setAttribute('href', look.documentation_url);
        show(el, !!look.documentation_url);
      }
      for (const el of hooks('company-name')) {
        el.textContent = look.company_name ?? '';
        show(el, !!look.company_name);
      }
      for (const el of hooks('portal-url')) {
        if (look.portal_url) (el.setAttribute('href', look.portal_url), (el.textContent = look.portal_url));
        show(el, !!look.portal_url);
      }
      for (const el of hooks('login-header')) el.textContent = look.login_header ?? DEFAULTS.loginHeader;
      for (const el of hooks('login-subheader')) el.textContent = look.login_subheader ?? '';
      banner(preview, roleName);
    },
    /** The page as the console rendered it (the published look). */
    restore() {
      doc.querySelectorAll(`[${OVERLAY}]`).forEach((el) => el.remove());
      if (!saved) return;
      doc.title = saved.title;
      for (const p of PROPS) saved.props[p] ? root.style.setProperty(p, saved.props[p]!) : root.style.removeProperty(p);
      for (const { el, attrs, text } of saved.elements) {
        for (const [name, value] of Object.entries(attrs)) value === null ? el.removeAttribute(name) : el.setAttribute(name, value);
        if (text !== null) el.textContent = text;
      }
      saved = null;
    },
    get previewing() {
      return saved !== null;
    },
  };
}
