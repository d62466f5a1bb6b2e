import { describe, expect, it } from 'vitest';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import type { BffClient } from '../utils/bff-client';
import { createBrandingRequests, type BrandingRequestDeps } from './branding-requests';

const ORIGIN = 'chrome-extension://switchboard-id/';
const CONSOLE = 'http://127.0.0.1:8788';

function world(tabs: Record<number, string>, acting: Record<number, string> = {}, active?: number) {
  const created: string[] = [];
  const browser = {
    runtime: { id: 'switchboard-id', getURL: (p: string) => `${ORIGIN}${p.replace(/^\//, '')}`, onConnect: { addListener: () => undefined } },
    tabs: {
      get: async (id: number) => (tabs[id] ? { id, url: tabs[id] } : Promise.reject(new Error('No tab'))),
      query: async () => (active === undefined ? [] : [{ id: active, url: tabs[active] }]),
      create: async ({ url }: { url: string }) => void created.push(url),
      sendMessage: async () => undefined,
    },
  } as unknown as BrandingRequestDeps['browser'];
  const tabTokens = { recordOf: async (id: number) => (acting[id] ? { tenantId: acting[id], tokenExpiresAt: '2026-12-08T03:00:00.000Z' } : null) } as unknown as BrandingRequestDeps['tabTokens'];
  const handle = createBrandingRequests({ browser, adapters: [referenceConsoleAdapter(CONSOLE)], bff: {} as BffClient, tabTokens });
  const signedIn = async <T,>(ask: (token: string) => Promise<T>) => ask('session-token');
  return { created, open: (tabId?: number) => handle({ type: 'branding.open', ...(tabId === undefined ? {} : { tabId }) }, signedIn) };
}

describe('opening the branding editor for a console tab', () => {
  it('opens it for the customer the tab acts for, else the one its URL names', async () => {
    const w = world({ 3: `${CONSOLE}/t/t_acme/alerts`, 4: `${CONSOLE}/t/t_globex/dashboard` }, { 4: 't_globex' });
    expect(await w.open(3)).toEqual({ ok: true });
    expect(await w.open(4)).toEqual({ ok: true });
    expect(w.created).toEqual([`${ORIGIN}branding.html?tab=3&tenant=t_acme`, `${ORIGIN}branding.html?tab=4&tenant=t_globex`]);
  });

  it('uses the active tab when none is named', async () => {
    const w = world({ 9: `${CONSOLE}/t/t_acme/dashboard` }, {}, 9);
    expect(await w.open()).toEqual({ ok: true });
    expect(w.created).toEqual([`${ORIGIN}branding.html?tab=9&tenant=t_acme`]);
  });

  it('refuses, saying what to do, for a tab that is no customer’s console page', async () => {
    const w = world({ 1: 'https://example.com/', 2: `${CONSOLE}/` }, {}, 1);
    for (const tab of [1, 2, 5, undefined]) expect(await w.open(tab)).toMatchObject({ ok: false, error: 'not_a_console_tab', message: expect.stringContaining('Open a customer’s page') });
    expect(w.created).toEqual([]);
  });
});
