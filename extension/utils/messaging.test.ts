import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { askBackground, failure, type MessageSender } from './messaging';
import { onContentMessage } from './content-messaging';
import { serveBackgroundRequests } from './serve-background-requests';

const popup: MessageSender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };

/**
 * Delivers a message as Chromium does: the listener gets a `sendResponse` and returns true to
 * answer later. (The fake's own `sendMessage` passes no `sendResponse`, so it is called directly.)
 */
async function deliver(message: unknown, sender: MessageSender = popup) {
  const sendResponse = vi.fn();
  // The fake's trigger is typed for two arguments but passes on every one it gets.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const [kept] = await trigger(message, sender, sendResponse);
  return { kept, sendResponse };
}

beforeEach(() => fakeBrowser.reset());

describe('serveBackgroundRequests', () => {
  it('answers a valid request with what the handler returns, asynchronously', async () => {
    const handle = vi.fn(async (request: BackgroundRequest) => ({ ok: true, echoed: request.type }));
    serveBackgroundRequests(handle, () => true);
    const { kept, sendResponse } = await deliver({ type: 'context.refresh' });
    expect(kept).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, echoed: 'context.refresh' }));
    expect(handle).toHaveBeenCalledWith({ type: 'context.refresh' }, popup);
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'session.steal' }],
    ['a bad tenant id', { type: 'customer.switch', tenantId: '../t_acme' }],
    ['a negative tab id', { type: 'tab.customer', tabId: -1 }],
    ['an empty password', { type: 'session.signIn', email: 'a@b.example', password: '' }],
    ['a string', 'session.status'],
    ['null', null],
  ])('drops a malformed message (%s) without answering', async (_, message) => {
    const handle = vi.fn(async () => ({ ok: true }));
    serveBackgroundRequests(handle, () => true);
    const { kept, sendResponse } = await deliver(message);
    expect(kept).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(handle).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('drops a valid request the sender may not make, asking `accept` with the parsed request', async () => {
    const handle = vi.fn(async () => ({ ok: true }));
    const accept = vi.fn(() => false);
    serveBackgroundRequests(handle, accept);
    const { kept, sendResponse } = await deliver({ type: 'session.signOut' });
    expect(kept).toBe(false);
    expect(accept).toHaveBeenCalledWith({ type: 'session.signOut' }, popup);
    expect(handle).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('drops a request with a key its schema does not name, before asking `accept` (strict schemas, issue 20)', async () => {
    const handle = vi.fn(async () => ({ ok: true }));
    const accept = vi.fn(() => true);
    serveBackgroundRequests(handle, accept);
    const { kept, sendResponse } = await deliver({ type: 'session.signOut', extra: 'smuggled' });
    expect(kept).toBe(false);
    expect(accept).not.toHaveBeenCalled();
    expect(handle).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('answers a Failure when the handler throws', async () => {
    serveBackgroundRequests(async () => Promise.reject(new Error('storage is gone')), () => true);
    const { sendResponse } = await deliver({ type: 'session.status' });
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(failure('internal', 'storage is gone')));
  });
});

describe('askBackground', () => {
  it('returns an answer that parses as the request type’s response', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, tenantId: 't_globex', url: 'http://127.0.0.1:8788/t/t_globex/alerts' }));
    expect(await askBackground({ type: 'customer.switch', tenantId: 't_globex' })).toEqual({ ok: true, tenantId: 't_globex', url: 'http://127.0.0.1:8788/t/t_globex/alerts' });
  });

  it('returns a Failure the background sent, as sent', async () => {
    const refusal = failure('invalid_target', 'relationship pending customer approval');
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(refusal));
    expect(await askBackground({ type: 'customer.switch', tenantId: 't_umbrella' })).toEqual(refusal);
  });

  it.each([
    ['the wrong shape', { ok: true, user: 'admin' }],
    ['another request’s answer', { ok: true, tenantId: 't_globex', url: 'x' }],
    ['nothing at all', undefined],
    ['a failure with an oversized message', { ok: false, error: 'x', message: 'y'.repeat(2001) }],
  ])('turns %s into a bad_answer Failure', async (_, raw) => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(raw));
    const answer = await askBackground({ type: 'session.status' });
    expect(answer).toMatchObject({ ok: false, error: 'bad_answer' });
  });

  it('turns a background that cannot be reached into extension_unavailable', async () => {
    const answer = await askBackground({ type: 'session.status' }); // no listener: the fake throws
    expect(answer).toMatchObject({ ok: false, error: 'extension_unavailable' });
    expect(answer.ok || answer.message).toMatch(/No listeners available/);
  });
});

describe('onContentMessage', () => {
  it('hears the background only: not other extensions, not other tabs, not malformed messages', async () => {
    const heard = vi.fn();
    const stop = onContentMessage(heard);
    const background: MessageSender = { id: fakeBrowser.runtime.id };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'switcher.open' }, background);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab.changed' }, { id: 'another-extension' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab.changed' }, { id: fakeBrowser.runtime.id, tab: { id: 4 } as MessageSender['tab'] });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'switcher.close' }, background);
    expect(heard.mock.calls).toEqual([[{ type: 'switcher.open' }]]);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab.changed' }, background);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
