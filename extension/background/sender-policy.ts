// Who may ask the background what. Extension pages (popup) may ask anything; a content script only
// from a page of a monitoring app, only about its own tab, and never to sign in or out (a password
// is typed in the extension's own popup, never into a web page).
import type { BackgroundRequest } from '../../shared/extension-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { MessageSender } from '../utils/messaging';

const CONTENT_SCRIPT_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set(['session.status', 'session.openSignIn', 'context.refresh', 'tab.customer', 'customer.switch']);

export type SenderKind = 'extension-page' | 'content-script' | null;

export function senderKind(sender: MessageSender, runtimeId: string, extensionOrigin: string, adapters: readonly HostAdapter[]): SenderKind {
  if (sender.id !== runtimeId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined && adapterFor(sender.url, adapters)) return 'content-script';
  return null;
}

export function acceptRequest(request: BackgroundRequest, kind: SenderKind): boolean {
  if (kind === 'extension-page') return true;
  if (kind !== 'content-script' || !CONTENT_SCRIPT_REQUESTS.has(request.type)) return false;
  return !('tabId' in request) || request.tabId === undefined;
}
