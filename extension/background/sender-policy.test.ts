import { describe, expect, it } from 'vitest';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import type { MessageSender } from '../utils/messaging';
import { acceptRequest, senderKind, type SenderKind } from './sender-policy';

const RUNTIME_ID = 'switchboard-extension-id';
const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const adapters = [referenceConsoleAdapter('http://127.0.0.1:8788')];

const popup: MessageSender = { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}popup.html` };
const consoleTab = (url = 'http://127.0.0.1:8788/t/t_acme/alerts'): MessageSender => ({ id: RUNTIME_ID, url, tab: { id: 7 } as MessageSender['tab'] });
const kind = (sender: MessageSender) => senderKind(sender, RUNTIME_ID, EXTENSION_ORIGIN, adapters);

/** One request of every type, with and without a tab id where one is allowed. */
const requests: BackgroundRequest[] = [
  { type: 'session.status' },
  { type: 'session.signIn', email: 'analyst@contoso-msp.example', password: 'secret' },
  { type: 'session.signOut' },
  { type: 'session.openSignIn' },
  { type: 'context.refresh' },
  { type: 'tab.customer' },
  { type: 'tab.customer', tabId: 3 },
  { type: 'customer.switch', tenantId: 't_globex' },
  { type: 'customer.switch', tenantId: 't_globex', tabId: 3 },
  { type: 'access.explain', tenantId: 't_acme', permission: 'Jobs_Manage' },
  { type: 'access.explain', tenantId: 't_globex', permission: 'Jobs_Manage' },
  { type: 'access.explain', tenantId: 't_acme', userId: 'u_someone' },
  { type: 'tenant.entitlements', tenantId: 't_acme' },
  { type: 'entitlements.open', tenantId: 't_acme' },
  { type: 'entitlements.open', tenantId: 't_globex' },
];
const label = (r: BackgroundRequest) =>
  [r.type, 'tabId' in r && r.tabId !== undefined ? '+tabId' : '', 'tenantId' in r && r.type !== 'customer.switch' ? `:${r.tenantId}` : '', 'userId' in r && r.userId ? '+user' : ''].join('');
const accepted = (k: SenderKind) => requests.filter((r) => acceptRequest(r, k)).map(label);
const ACME_PAGE: SenderKind = { kind: 'content-script', pageTenant: 't_acme' };
const EXTENSION_PAGE: SenderKind = { kind: 'extension-page' };

describe('senderKind', () => {
  it('knows the extension’s own pages', () => {
    expect(kind(popup)).toEqual(EXTENSION_PAGE);
  });

  it('knows a content script in a console tab', () => {
    expect(kind(consoleTab())).toEqual(ACME_PAGE);
    expect(kind(consoleTab('http://127.0.0.1:8788/login'))).toEqual({ kind: 'content-script', pageTenant: null });
  });

  it('refuses another extension, even one claiming our pages’ URL', () => {
    expect(kind({ ...popup, id: 'another-extension' })).toBeNull();
    expect(kind({ ...consoleTab(), id: 'another-extension' })).toBeNull();
  });

  it('refuses a content script on a page that is not the console’s (other origin or port)', () => {
    expect(kind(consoleTab('https://evil.example/t/t_acme/alerts'))).toBeNull();
    expect(kind(consoleTab('http://127.0.0.1:9999/t/t_acme/alerts'))).toBeNull();
  });

  it('refuses a sender with no URL, or a console URL without a tab', () => {
    expect(kind({ id: RUNTIME_ID })).toBeNull();
    expect(kind({ id: RUNTIME_ID, url: 'http://127.0.0.1:8788/t/t_acme/alerts' })).toBeNull();
  });
});

describe('acceptRequest', () => {
  it('lets extension pages ask anything', () => {
    expect(accepted(EXTENSION_PAGE)).toHaveLength(requests.length);
  });

  it('lets a console content script ask only about its own tab, and never to sign in or out', () => {
    expect(accepted(ACME_PAGE)).toEqual([
      'session.status',
      'session.openSignIn',
      'context.refresh',
      'tab.customer',
      'customer.switch',
      'access.explain:t_acme',
      'entitlements.open:t_acme',
    ]);
  });

  it('lets a page ask why only about its own customer, for the signed-in user, and never read entitlements itself', () => {
    const onLogin: SenderKind = { kind: 'content-script', pageTenant: null };
    expect(accepted(onLogin).filter((r) => r.startsWith('access') || r.startsWith('tenant') || r.startsWith('entitlements'))).toEqual([]);
  });

  it('hears nothing from an unknown sender', () => {
    expect(accepted(null)).toEqual([]);
  });
});
