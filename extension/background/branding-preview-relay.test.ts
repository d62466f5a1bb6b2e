import { describe, expect, it } from 'vitest';
import type { BrandingPreview } from '../../shared/branding-messages';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import { createBrandingPreviewRelay, type RelayDeps } from './branding-preview-relay';

const ORIGIN = 'chrome-extension://switchboard-id/';
const CONSOLE = 'http://127.0.0.1:8788';
const preview: BrandingPreview = {
  look: {
    website_title: 'Acme Portal', company_name: 'Acme', logo: null, favicon: null, text_colour: '#112233', background_colour: '#ffffff',
    background_image: null, login_header: 'Welcome', login_subheader: null, documentation_url: null, portal_url: null,
  },
  role: 'client_portal_read_only',
  screen: 'page',
  side: 'after',
};

// A browser with just what the relay uses: ports that can be opened and closed, tabs that record messages.
function world(tabs: Record<number, string>) {
  const sent: [number, unknown][] = [];
  const connectListeners: ((port: unknown) => void)[] = [];
  const browser = {
    runtime: { id: 'switchboard-id', getURL: (p: string) => `${ORIGIN}${p.replace(/^\//, '')}`, onConnect: { addListener: (l: (p: unknown) => void) => connectListeners.push(l) } },
    tabs: {
      get: async (id: number) => (tabs[id] ? { id, url: tabs[id] } : Promise.reject(new Error('No tab'))),
      sendMessage: async (id: number, message: unknown) => void sent.push([id, message]),
    },
  } as unknown as RelayDeps['browser'];
  const connect = (name: string, sender: { id?: string; url?: string; tab?: { id: number } }) => {
    const onDisconnect: (() => void)[] = [];
    const port = { name, sender, disconnected: false, disconnect: () => (port.disconnected = true), onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) } };
    connectListeners.forEach((l) => l(port));
    return { port, close: () => onDisconnect.forEach((l) => l()) };
  };
  const relay = createBrandingPreviewRelay({ browser, adapters: [referenceConsoleAdapter(CONSOLE)] });
  return { relay, sent, connect };
}
const editor = { id: 'switchboard-id', url: `${ORIGIN}branding.html?tab=7` };

describe('branding preview relay', () => {
  it('shows a preview only while the editor holds the tab’s port, and restores the page when it closes', async () => {
    const { relay, sent, connect } = world({ 7: `${CONSOLE}/t/t_acme/dashboard` });
    expect(await relay.show(7, 't_acme', preview)).toMatchObject({ ok: false, error: 'not_previewing' });
    const a = connect('branding-preview:7', editor);
    const b = connect('branding-preview:7', editor);
    expect(await relay.show(7, 't_acme', preview)).toEqual({ ok: true });
    expect(sent).toEqual([[7, { type: 'branding.preview', preview }]]);
    a.close();
    expect(relay.isPreviewing(7)).toBe(true); // a second editor still previews
    expect(sent).toHaveLength(1);
    b.close();
    expect(relay.isPreviewing(7)).toBe(false);
    expect(sent.at(-1)).toEqual([7, { type: 'branding.restore' }]);
    expect(await relay.show(7, 't_acme', preview)).toMatchObject({ ok: false, error: 'not_previewing' });
  });

  it('sends nothing once the editor closed while a preview was on its way, so the restore stays the last word', async () => {
    const { relay, sent, connect } = world({ 7: `${CONSOLE}/t/t_acme/dashboard` });
    const editorPort = connect('branding-preview:7', editor);
    const shown = relay.show(7, 't_acme', preview); // suspended on the tab look-up
    editorPort.close();
    expect(await shown).toMatchObject({ ok: false, error: 'not_previewing' });
    expect(sent).toEqual([[7, { type: 'branding.restore' }]]);
  });

  it('refuses ports from web pages, from the previewed tab itself, and with names it does not know', () => {
    const { relay, connect } = world({ 7: `${CONSOLE}/t/t_acme/dashboard` });
    const page = connect('branding-preview:7', { id: 'switchboard-id', url: `${CONSOLE}/t/t_acme/dashboard`, tab: { id: 7 } });
    expect(page.port.disconnected).toBe(true);
    const self = connect('branding-preview:7', { ...editor, tab: { id: 7 } });
    expect(self.port.disconnected).toBe(true);
    const foreign = connect('branding-preview:7', { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(foreign.port.disconnected).toBe(true);
    const other = connect('something-else', editor);
    expect(other.port.disconnected).toBe(false); // not ours: left alone
    expect(relay.isPreviewing(7)).toBe(false);
  });

  it('never lays one customer’s draft over another customer’s page', async () => {
    const { relay, sent, connect } = world({ 7: `${CONSOLE}/t/t_globex/dashboard` });
    connect('branding-preview:7', editor);
    expect(await relay.show(7, 't_acme', preview)).toMatchObject({ ok: false, error: 'other_customer' });
    expect(await relay.show(7, 't_globex', preview)).toEqual({ ok: true });
    expect(sent).toEqual([[7, { type: 'branding.preview', preview }]]);
  });

  it('previews only on a page of the monitoring console', async () => {
    const { relay, sent, connect } = world({ 8: 'https://example.com/' });
    connect('branding-preview:8', editor);
    expect(await relay.show(8, 't_acme', preview)).toMatchObject({ ok: false, error: 'not_a_console_tab' });
    connect('branding-preview:9', editor);
    expect(await relay.show(9, 't_acme', preview)).toMatchObject({ ok: false, error: 'not_a_console_tab' });
    expect(sent).toEqual([]);
  });
});
