// Who may ask the background what. Extension pages (popup, entitlements view) may ask anything; a
// content script only from a page of a monitoring app, only about its own tab and that tab's
// customer, and never to sign in or out (a password is typed in the extension's own page, never
// into a web page).
import type { BackgroundRequest } from '../../shared/extension-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { MessageSender } from '../utils/messaging';

const CONTENT_SCRIPT_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set([
  'session.status',
  'session.openSignIn',
  'context.refresh',
  'tab.customer',
  'customer.switch',
  'access.explain',
  'entitlements.open',
]);

export type SenderKind = { kind: 'extension-page' } | { kind: 'content-script'; pageTenant: string | null } | null;

export function senderKind(sender: MessageSender, runtimeId: string, extensionOrigin: string, adapters: readonly HostAdapter[]): SenderKind {
  if (sender.id !== runtimeId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension-page' };
  const here = sender.tab?.id !== undefined ? adapterFor(sender.url, adapters) : null;
  return here ? { kind: 'content-script', pageTenant: here.adapter.tenantFromUrl(here.url) } : null;
}

export function acceptRequest(request: BackgroundRequest, sender: SenderKind): boolean {
  if (sender?.kind === 'extension-page') return true;
  if (sender?.kind !== 'content-script' || !CONTENT_SCRIPT_REQUESTS.has(request.type)) return false;
  if ('tabId' in request && request.tabId !== undefined) return false;
  // A page may ask why about its own customer, for the signed-in user only.
  if (request.type === 'access.explain') return request.userId === undefined && request.tenantId === sender.pageTenant;
  if (request.type === 'entitlements.open') return request.tenantId === undefined || request.tenantId === sender.pageTenant;
  return true;
}
