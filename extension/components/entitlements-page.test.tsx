// @vitest-environment node
// The page against the real BFF in-process, as the background's tests run it. Why not the
// project's happy-dom environment: there Vite transforms modules for the browser and rewrites the
// BFF's `new URL('./migrations', import.meta.url)` against the page's http:// location, so the
// database cannot open. So the file runs in Node (BFF modules transformed for Node) and gets
// happy-dom's document installed once the BFF is up; Node keeps its own URL, fetch and Request.
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { populateGlobal } from 'vitest/runtime';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserSummary } from '../../shared/common';
import { backgroundRequestSchema, type BackgroundRequest } from '../../shared/extension-messages';
import { sessionResponseSchema } from '../../shared/session';
import { explainAccess, tenantEntitlements } from '../background/access-queries';
import { customer, tenantContext } from '../test-support/customers';
import { ANALYST_ID, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { askExplain as askBackground } from '../utils/explain-messaging';
import type { CachedContext } from '../utils/storage';
import { EntitlementsPage } from './entitlements-page';

let w: BffWorld;
/** Queries on the page's body (testing-library's own `screen` binds to the document present at import). */
let screen: ReturnType<typeof within>;
let removeDom: () => Promise<void>;
beforeAll(async () => {
  w = await startBffWorld();
  const win = new Window({ url: 'http://localhost:3000/entitlements.html' });
  const { keys, originals } = populateGlobal(globalThis, win, { bindFunctions: true });
  removeDom = async () => {
    await win.happyDOM.abort();
    for (const key of keys) delete (globalThis as Record<string, unknown>)[key];
    originals.forEach((value, key) => ((globalThis as Record<string | symbol, unknown>)[key] = value));
  };
  screen = within(document.body);
});
afterEach(cleanup);
afterAll(async () => {
  await removeDom();
  await w.world.close();
});

const DENIED = 'Access Denied! The partner is not subscribed to this product package (Remediation and Automation).';
const NOT_FOUND = 'no such tenant, or no access to it';

async function signIn(email: string) {
  const response = await w.bff.v1.session.$post({ json: { email, password: DEMO_PASSWORD } });
  const { session_token, user } = sessionResponseSchema.parse(await response.json());
  return { token: session_token, user };
}

/** askBackground answered as the background answers an extension page, with the BFF's real answers. */
function askAs(who: { token: string; user: UserSummary } | null) {
  const asked: BackgroundRequest[] = [];
  const sendMessage = async (message: unknown) => {
    const request = backgroundRequestSchema.parse(message);
    asked.push(request);
    if (request.type === 'session.status') return { ok: true, user: who?.user ?? null };
    if (request.type === 'tenant.entitlements') return tenantEntitlements(w.bff, who!.token, request.tenantId);
    if (request.type === 'access.explain') return explainAccess(w.bff, who!.token, request);
    throw new Error(`the entitlements view should not ask ${request.type}`);
  };
  const runtime = { id: fakeBrowser.runtime.id, onMessage: fakeBrowser.runtime.onMessage, sendMessage } as unknown as Parameters<typeof askBackground>[1];
  const ask: typeof askBackground = (request) => askBackground(request, runtime);
  return { ask, asked };
}

/** The analyst's cached context: the tenant field offers these customers. */
const cache = signal<CachedContext | null>({
  userId: ANALYST_ID,
  etag: null,
  contextJson: JSON.stringify(tenantContext([customer('t_acme', 'Acme Retail'), customer('t_globex', 'Globex Manufacturing')])),
  fetchedAt: '2026-11-24T12:00:00.000Z',
});

async function open(email: string | null, search: string, clipboard?: Pick<Clipboard, 'writeText'>) {
  const { ask, asked } = askAs(email ? await signIn(email) : null);
  render(<EntitlementsPage store={{ cache }} search={search} ask={ask} clipboard={clipboard} timeFormat={{ locale: 'en-US', timeZone: 'America/Detroit' }} />);
  return { asked };
}

const type = (label: string | RegExp, value: string, scope: HTMLElement = document.body) => fireEvent.input(within(scope).getByRole('combobox', { name: label }), { target: { value } });
const row = (table: string, name: string) => within(screen.getByRole('table', { name: table })).getByRole('row', { name: new RegExp(`^${name}`) });
const explanation = () => screen.findByRole('region', { name: 'Explanation' });

describe('the entitlements view', () => {
  it('asks a signed-out user to sign in from the toolbar button, and shows nothing else', async () => {
    const { asked } = await open(null, '?tenant=t_globex');
    expect(await screen.findByText('Sign in from the MSP Switchboard toolbar button')).toBeTruthy();
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(asked.map((r) => r.type)).toEqual(['session.status']);
  });

  it('shows Globex: Remediation and Automation denied with seed 000’s words, each row with status and source in words', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex');
    expect(await screen.findByRole('heading', { level: 1, name: 'Entitlements of Globex Manufacturing' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Tenant' }) as HTMLInputElement).value).toBe('t_globex');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h: HTMLElement) => h.textContent)).toEqual(['Packages', 'Add-ons', 'Permission sets', "Why can't I …", 'Compare']);
    const ra = within(row('Packages', 'Remediation and Automation'));
    expect(ra.getByText('Denied')).toBeTruthy();
    expect(ra.getByText('own')).toBeTruthy();
    expect(ra.getByText(`${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`)).toBeTruthy();
    expect(within(row('Packages', 'Hybrid Discovery and Monitoring')).getByText('Enabled')).toBeTruthy();
    expect(within(row('Packages', 'Hybrid Discovery and Monitoring')).getByText('default')).toBeTruthy();
    expect(within(row('Permission sets', 'Jobs')).getByText(new RegExp(DENIED.replace(/[().!]/g, '\\$&')))).toBeTruthy();
    expect(within(row('Add-ons', 'Remote Access Management')).getByText('Denied')).toBeTruthy();
    // The tenant field offers the analyst's customers from the cached context.
    const list = document.getElementById(screen.getByRole('combobox', { name: 'Tenant' }).getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((o) => [o.value, o.getAttribute('label')])).toEqual([['t_acme', 'Acme Retail'], ['t_globex', 'Globex Manufacturing']]);
  });

  it('shows only denied rows when asked', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Show denied only' }));
    const packages = within(screen.getByRole('table', { name: 'Packages' })).getAllByRole('row').slice(1);
    expect(packages.map((r) => r.querySelector('th')!.textContent)).toEqual(['Remediation and Automation']);
    expect(within(screen.getByRole('table', { name: 'Add-ons' })).queryByText('Enabled')).toBeNull();
  });

  it('explains ?permission=Jobs_Manage at once: Denied, the BFF’s summary, the reasons marked ok / fails, role, Platform Administrator and grant expiry', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex&permission=Jobs_Manage');
    const result = within(await explanation());
    expect(result.getByText('Denied')).toBeTruthy();
    expect(result.getByText(`denied: ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`)).toBeTruthy();
    const reasons = result.getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons).toContain(`✗ fails: ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`);
    expect(reasons).toContain('✓ ok: role Admin + Platform Administrator includes Jobs_Manage');
    expect(within(result.getByRole('list', { name: 'Reasons' })).getAllByRole('listitem')[0]!.textContent).toMatch(/^✓ ok: grant g_globex_analyst/);
    expect(result.getByText('Admin (admin)')).toBeTruthy();
    expect(result.getByText('Yes')).toBeTruthy();
    expect(result.getByText('g_globex_analyst, expires 2026-11-24T14:00:00.000Z (Nov 24, 2026, 9:00:00 AM EST)')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Permission' }) as HTMLInputElement).value).toBe('Jobs_Manage');
  });

  it('explains a permission picked from the catalogue, and refuses an unknown one without asking', async () => {
    const { asked } = await open('analyst@contoso-msp.example', '?tenant=t_acme');
    await screen.findByRole('heading', { name: 'Entitlements of Acme Retail' });
    const options = document.getElementById(screen.getByRole('combobox', { name: 'Permission' }).getAttribute('list')!)!.querySelectorAll('option');
    expect(options.length).toBeGreaterThan(50);
    expect([...options].find((o) => o.value === 'Incident_View')?.getAttribute('label')).toBe('Incident');
    type('Permission', 'Launch_Missiles');
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect(screen.getByRole('alert').textContent).toBe('Permission: an unknown permission');
    expect(asked.filter((r) => r.type === 'access.explain')).toEqual([]);
    type('Permission', 'Incident_View');
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect(within(await explanation()).getByText('Allowed')).toBeTruthy();
  });

  it('lets support staff explain for another user (User (id))', async () => {
    const { asked } = await open('support@northwind.example', '?tenant=t_globex');
    await screen.findByRole('heading', { name: 'Entitlements of Globex Manufacturing' });
    expect(screen.getByRole('textbox', { name: 'User (id)' }).getAttribute('aria-describedby')).toBeTruthy();
    type('Permission', 'Jobs_Manage');
    fireEvent.input(screen.getByRole('textbox', { name: 'User (id)' }), { target: { value: 'u_contoso_analyst' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const result = within(await explanation());
    expect(result.getByText(/Jobs_Manage in Globex Manufacturing, for analyst@contoso-msp\.example/)).toBeTruthy();
    expect(result.getByText('Denied')).toBeTruthy();
    expect(asked.at(-1)).toEqual({ type: 'access.explain', tenantId: 't_globex', permission: 'Jobs_Manage', userId: 'u_contoso_analyst' });
  });

  it('shows the BFF’s message for a tenant the user may not see, and nothing of it', async () => {
    await open('analyst@fabrikam.example', '?tenant=t_acme&permission=Incident_View');
    expect((await screen.findByRole('alert')).textContent).toBe(NOT_FOUND);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Entitlements');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Explain' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy for ticket' })).toBeNull();
  });

  it('shows another tenant typed in the Tenant field (a customer’s name works too), explaining the same permission there', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex&permission=Jobs_Manage');
    expect(within(await explanation()).getByText('Denied')).toBeTruthy();
    type('Tenant', 'Acme Retail');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Entitlements of Acme Retail' })).toBeTruthy();
    await vi.waitFor(() => expect(within(screen.getByRole('region', { name: 'Explanation' })).getByText(/Jobs_Manage in Acme Retail/)).toBeTruthy());
  });
});

describe('Copy for ticket', () => {
  it('writes the summary with the last explanation to the clipboard and shows it', async () => {
    const clipboard = { writeText: vi.fn(async (_: string) => undefined) };
    await open('analyst@contoso-msp.example', '?tenant=t_globex&permission=Jobs_Manage', clipboard);
    await explanation();
    fireEvent.click(screen.getByRole('button', { name: 'Copy for ticket' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    const text = clipboard.writeText.mock.calls[0]![0];
    expect((screen.getByRole('textbox', { name: 'Ticket summary' }) as HTMLTextAreaElement).value).toBe(text);
    expect(text).toMatch(/^Entitlements of Globex Manufacturing \(t_globex\)\nAsked by: Ari Analyst <analyst@contoso-msp\.example> \(u_contoso_analyst\)\n/);
    expect(text).toContain('Evaluated at: 2026-11-24T12:00:00.000Z (Nov 24, 2026, 7:00:00 AM EST)');
    expect(text).toContain(`- Denied: Remediation and Automation (own): ${DENIED} Globex Manufacturing is not subscribed to Remediation and Automation`);
    expect(text).toContain('Why (Jobs_Manage in Globex Manufacturing (t_globex), for analyst@contoso-msp.example): Denied');
  });

  it('selects the text in the box when the clipboard refuses', async () => {
    const clipboard = { writeText: vi.fn(async () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'))) };
    await open('analyst@contoso-msp.example', '?tenant=t_globex', clipboard);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy for ticket' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^The clipboard refused/);
    const box = screen.getByRole('textbox', { name: 'Ticket summary' }) as HTMLTextAreaElement;
    expect(box.readOnly).toBe(true);
    await vi.waitFor(() => expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]));
    expect(box.value).toMatch(/^Entitlements of Globex Manufacturing/);
  });
});

describe('Compare', () => {
  it('puts Globex and Acme side by side, marks the differences and can hide the rest', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex');
    const compare = await screen.findByRole('region', { name: 'Compare' });
    type('Compare with', 't_acme', compare);
    fireEvent.click(within(compare).getByRole('button', { name: 'Compare' }));
    const table = await within(compare).findByRole('table', { name: /^Globex Manufacturing compared with Acme Retail: \d+ differences$/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Entitlement', 'Globex Manufacturing', 'Acme Retail']);
    const ra = within(table).getByRole('row', { name: /^Remediation and Automation \(differs\)/ });
    expect(within(ra).getAllByRole('cell').map((c) => c.querySelector('.status')!.textContent)).toEqual(['Denied', 'Enabled']);
    expect(ra.classList.contains('is-different')).toBe(true);
    expect(within(table).getByRole('row', { name: /^Hybrid Discovery and Monitoring / })).toBeTruthy();
    fireEvent.click(within(compare).getByRole('checkbox', { name: 'Show differences only' }));
    expect(within(table).queryByRole('row', { name: /^Hybrid Discovery and Monitoring / })).toBeNull();
    expect(within(table).getByRole('row', { name: /^Remediation and Automation/ })).toBeTruthy();
  });

  it('shows the BFF’s message when the other tenant cannot be seen', async () => {
    await open('analyst@contoso-msp.example', '?tenant=t_globex');
    const compare = await screen.findByRole('region', { name: 'Compare' });
    type('Compare with', 't_wayne', compare);
    fireEvent.click(within(compare).getByRole('button', { name: 'Compare' }));
    expect((await within(compare).findByRole('alert')).textContent).toBe(NOT_FOUND);
    expect(within(compare).queryByRole('table')).toBeNull();
  });
});
