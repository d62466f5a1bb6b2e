// A "why?" beside every control the page disabled for want of a permission; clicking it shows the
// BFF's explanation in place. One open shadow root per control, inserted right after it, rather
// than one overlay: the affordance then flows with the control in the page's own layout (no
// position to track on scroll, resize or reflow), and page CSS cannot reach inside (the console
// paints every `button` red in a serif font). Not WXT's createShadowRootUi: it would fetch and
// inject the content script's whole stylesheet, the toolbar's sticky `:host` rule included, into
// each one. Controls rendered later get one too (MutationObserver); all go with the context.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PERMISSIONS } from '../../shared/catalogue';
import { WhyUnavailable } from '../components/why-unavailable';
import styles from '../components/why-unavailable.css?inline';
import type { askBackground } from '../utils/messaging';
import type { PageFeature } from './page-feature';

export interface DisabledControl {
  element: Element;
  permission: string;
  /** What the control says, e.g. "Run job". */
  label: string;
}

const SELECTOR = '[data-permission][disabled], [data-permission][aria-disabled="true"]';
const HOST = 'switchboard-why';
const MAX_LABEL = 80;
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The control's accessible text as a person reads it: aria-label, aria-labelledby, its text, its title. */
function labelOf(element: Element): string {
  const labelledBy = clean(element.getAttribute('aria-labelledby')).split(' ').filter(Boolean).map((id) => clean(element.ownerDocument.getElementById(id)?.textContent)).join(' ');
  const label = clean(element.getAttribute('aria-label')) || clean(labelledBy) || clean(element.textContent) || clean(element.getAttribute('title'));
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** Every disabled control under `root` that names a catalogue permission, with its label (the page is untrusted: unknown ids are skipped). */
export function disabledControls(root: ParentNode): DisabledControl[] {
  return [...root.querySelectorAll(SELECTOR)].flatMap((element) => {
    const permission = element.getAttribute('data-permission') ?? '';
    if (!PERMISSIONS.has(permission)) return [];
    return [{ element, permission, label: labelOf(element) || permission }];
  });
}

interface Mounted {
  host: HTMLElement;
  /** Preact's container inside the shadow root, beside the style element. */
  container: HTMLElement;
  key: string;
}

/** Keeps one "why?" beside each disabled control under `root` until the context is invalidated. */
export function attachWhyButtons(ctx: Pick<ContentScriptContext, 'onInvalidated'>, root: ParentNode & Node, tenantId: string, ask?: typeof askBackground) {
  const mounted = new Map<Element, Mounted>();
  const unmount = (element: Element) => {
    const m = mounted.get(element);
    if (!m) return;
    render(null, m.container);
    m.host.remove();
    mounted.delete(element);
  };
  function sync() {
    const found = disabledControls(root);
    const current = new Set(found.map((c) => c.element));
    for (const element of [...mounted.keys()]) if (!current.has(element)) unmount(element);
    for (const { element, permission, label } of found) {
      const key = `${permission}\n${label}`;
      let m = mounted.get(element);
      if (m && m.key !== key) (unmount(element), (m = undefined));
      if (!m) {
        const host = element.ownerDocument.createElement(HOST);
        const shadow = host.attachShadow({ mode: 'open' }); // holds no secret: the page's own control text and the user's own explanation
        const style = element.ownerDocument.createElement('style');
        style.textContent = styles;
        const container = element.ownerDocument.createElement('span');
        shadow.append(style, container);
        // Keys typed in the popover must not reach the page's own shortcuts.
        for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
        render(<WhyUnavailable tenantId={tenantId} permission={permission} label={label} ask={ask} />, container);
        m = { host, container, key };
        mounted.set(element, m);
      }
      if (element.nextSibling !== m.host) element.after(m.host); // placed anew if the page moved things
    }
  }
  sync();
  const observer = new MutationObserver(sync);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled', 'data-permission', 'aria-label', 'title'] });
  ctx.onInvalidated(() => {
    observer.disconnect();
    for (const element of [...mounted.keys()]) unmount(element);
  });
  return { sync };
}

export const explainDisabledControls: PageFeature = {
  id: 'explain-disabled-controls',
  description: 'Puts a "why?" beside every control the page disabled for a missing permission; clicking it shows the decision, the reasons and a way to the entitlements.',
  when: ({ adapter, url }) => adapter.tenantFromUrl(url) !== null,
  run({ ctx, adapter, url, document }) {
    attachWhyButtons(ctx, document.body, adapter.tenantFromUrl(url)!);
  },
};
