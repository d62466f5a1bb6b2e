import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { explainResponseSchema, type ExplainResponse } from '../../shared/access-explain';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { fakeBackground } from '../test-support/fake-background';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import { attachWhyButtons, disabledControls, explainDisabledControls } from './explain-disabled-controls';

/** A page like the console's automation page: controls the token's scope lacks are disabled. */
const PAGE = `
  <div class="controls">
    <button type="button" data-permission="Jobs_Manage" disabled aria-disabled="true" title="Missing permission: Jobs_Manage">Run   job</button>
    <button type="button" data-permission="Incident_Manage">Create incident</button>
    <button type="button" data-permission="Scripts_Manage" aria-disabled="true">Edit scripts</button>
    <span id="approve-label">Approve patches</span>
    <div role="button" data-permission="PatchApprovals_Manage" aria-disabled="true" aria-labelledby="approve-label"></div>
    <button type="button" data-permission="Dashboards_Manage" aria-disabled="true" aria-label="Edit the dashboard">✎</button>
    <button type="button" data-permission="Dashboards_View" aria-disabled="false">Open dashboard</button>
    <button type="button" data-permission="Root_Everything" disabled>Take over</button>
    <button type="button" disabled>Disabled, no permission</button>
  </div>`;

const DENIED = explainResponseSchema.parse({
  decision: 'deny',
  summary: 'Access Denied! The partner is not subscribed to this product package (Remediation and Automation).',
  user: { id: 'u_contoso_analyst', email: 'analyst@contoso-msp.example' },
  tenant: { id: 't_acme', name: 'Acme Retail', kind: 'client', status: 'active' },
  permission: 'Jobs_Manage',
  via: 'grant',
  role: 'operator',
  platform_admin: false,
  grant: { id: 'g_acme', expires_at: null, products: ['event_incident_management'], revoked_at: null },
  effective_permissions: [],
  reasons: [
    { code: 'grant_active', ok: true, message: 'grant g_acme active' },
    { code: 'package_not_subscribed', ok: false, message: 'Acme Retail does not subscribe to Remediation and Automation' },
    { code: 'package_not_in_grant', ok: false, message: 'grant g_acme covers Event and Incident Management, not Remediation and Automation' },
  ],
  evaluated_at: '2026-11-24T12:00:00.000Z',
}) satisfies ExplainResponse;

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = PAGE;
  ctx = new ContentScriptContext('explain-test');
});
afterEach(() => {
  ctx.notifyInvalidated();
  document.body.innerHTML = '';
});

const hosts = () => [...document.querySelectorAll('switchboard-why')];
/** The affordance's shadow root, queried by role like any page. */
const why = (host: Element) => within(host.shadowRoot!.querySelector('span')! as HTMLElement);
const hostAfter = (selector: string) => {
  const next = document.querySelector(selector)!.nextElementSibling;
  return next?.localName === 'switchboard-why' ? next : null;
};

describe('disabledControls', () => {
  it('finds every control disabled or aria-disabled that names a permission, with the text a person reads', () => {
    const found = disabledControls(document);
    expect(found.map((c) => [c.permission, c.label])).toEqual([
      ['Jobs_Manage', 'Run job'],
      ['Scripts_Manage', 'Edit scripts'],
      ['PatchApprovals_Manage', 'Approve patches'],
      ['Dashboards_Manage', 'Edit the dashboard'],
    ]);
    expect(found[0]?.element).toBe(document.querySelector('[data-permission="Jobs_Manage"]'));
  });

  it('skips enabled controls, aria-disabled="false", controls without a permission, and permissions the catalogue does not know', () => {
    const permissions = disabledControls(document).map((c) => c.permission);
    expect(permissions).not.toContain('Incident_Manage');
    expect(permissions).not.toContain('Dashboards_View');
    expect(permissions).not.toContain('Root_Everything');
  });

  it('looks only under the root it is given', () => {
    document.body.insertAdjacentHTML('beforeend', '<section id="other"><button data-permission="Users_Manage" disabled>Invite user</button></section>');
    expect(disabledControls(document.getElementById('other')!).map((c) => c.label)).toEqual(['Invite user']);
  });

  it('falls back to the title, then to the permission, and shortens a long text', () => {
    document.body.innerHTML = `
      <button data-permission="Jobs_Manage" disabled title="Run a job"></button>
      <button data-permission="Scripts_Manage" disabled></button>
      <button data-permission="Users_Manage" disabled>${'Invite '.repeat(30)}</button>`;
    const labels = disabledControls(document).map((c) => c.label);
    expect(labels.slice(0, 2)).toEqual(['Run a job', 'Scripts_Manage']);
    expect(labels[2]).toHaveLength(80);
    expect(labels[2]?.endsWith('…')).toBe(true);
  });
});

describe('attachWhyButtons', () => {
  it('puts one "why?" right after each disabled control, named after it', () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    expect(hosts()).toHaveLength(4);
    const host = hostAfter('[data-permission="Jobs_Manage"]')!;
    expect(why(host).getByRole('button', { name: 'Why is Run job unavailable?' }).textContent).toBe('why?');
    expect(hostAfter('[data-permission="Incident_Manage"]')).toBeNull();
    expect(why(hostAfter('[data-permission="PatchApprovals_Manage"]')!).getByRole('button', { name: 'Why is Approve patches unavailable?' })).toBeTruthy();
  });

  it('keeps its styles inside an open shadow root, away from the page', () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    const host = hosts()[0]!;
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.shadowRoot?.querySelector('style')).toBeTruthy();
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('asks the background why, for that permission in the tab’s customer, and shows the answer in place', async () => {
    const background = fakeBackground((r) => (r.type === 'access.explain' ? { ok: true, explanation: DENIED } : { ok: true }));
    attachWhyButtons(ctx, document.body, 't_acme');
    const host = within(hostAfter('[data-permission="Jobs_Manage"]')!.shadowRoot!.querySelector('span')! as HTMLElement);
    const button = host.getByRole('button', { name: 'Why is Run job unavailable?' });
    fireEvent.click(button);
    const dialog = await host.findByRole('dialog', { name: 'Why Run job is unavailable' });
    await waitFor(() => expect(within(dialog).getByText('Denied')).toBeTruthy());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(background.asked).toEqual<BackgroundRequest[]>([{ type: 'access.explain', tenantId: 't_acme', permission: 'Jobs_Manage' }]);
    expect(within(dialog).getByText(DENIED.summary)).toBeTruthy();
    const reasons = within(dialog).getByRole('list', { name: 'Failing reasons' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Acme Retail does not subscribe to Remediation and Automation',
      'grant g_acme covers Event and Incident Management, not Remediation and Automation',
    ]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Open entitlements' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'entitlements.open', tenantId: 't_acme', permission: 'Jobs_Manage' }));
  });

  it('says what went wrong when the background cannot explain', async () => {
    fakeBackground(() => ({ ok: false, error: 'signed_out', message: 'Sign in to MSP Switchboard first.' }));
    attachWhyButtons(ctx, document.body, 't_acme');
    const host = why(hosts()[0]!);
    fireEvent.click(host.getByRole('button', { name: 'Why is Run job unavailable?' }));
    const dialog = await host.findByRole('dialog', { name: 'Why Run job is unavailable' });
    await waitFor(() => expect(within(dialog).getByText('Sign in to MSP Switchboard first.')).toBeTruthy());
  });

  it('takes focus when it opens, and closes on Escape and on Close, giving focus back to its button', async () => {
    fakeBackground(() => ({ ok: true, explanation: DENIED }));
    attachWhyButtons(ctx, document.body, 't_acme');
    const shadow = hosts()[0]!.shadowRoot!;
    const host = why(hosts()[0]!);
    const button = host.getByRole('button', { name: 'Why is Run job unavailable?' });
    fireEvent.click(button);
    const dialog = await host.findByRole('dialog');
    await waitFor(() => expect(shadow.activeElement).toBe(dialog));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(host.queryByRole('dialog')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(within(await host.findByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(host.queryByRole('dialog')).toBeNull();
    expect(shadow.activeElement).toBe(button);
  });

  it('drops an answer that arrives after it was closed', async () => {
    let answer!: (value: unknown) => void;
    fakeBackground(() => new Promise((resolve) => (answer = resolve)));
    attachWhyButtons(ctx, document.body, 't_acme');
    const host = why(hosts()[0]!);
    const button = host.getByRole('button', { name: 'Why is Run job unavailable?' });
    fireEvent.click(button);
    expect(within(await host.findByRole('dialog')).getByRole('status').textContent).toBe('Asking why…');
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    fireEvent.click(button); // closes it again
    answer({ ok: true, explanation: DENIED });
    await new Promise((r) => setTimeout(r, 20));
    expect(host.queryByRole('dialog')).toBeNull();
  });

  it('does not let keys typed in it reach the page’s shortcuts', () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    let heard = 0;
    document.addEventListener('keydown', () => heard++);
    fireEvent.keyDown(why(hosts()[0]!).getByRole('button'), { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'g' });
    expect(heard).toBe(1);
  });

  it('follows the page: controls rendered or disabled later get one, re-enabled or removed ones lose it', async () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    document.querySelector('.controls')!.insertAdjacentHTML('beforeend', '<button data-permission="Commands_Manage" disabled>Run command</button>');
    await waitFor(() => expect(hostAfter('[data-permission="Commands_Manage"]')).not.toBeNull());
    document.querySelector('[data-permission="Incident_Manage"]')!.setAttribute('disabled', '');
    await waitFor(() => expect(hostAfter('[data-permission="Incident_Manage"]')).not.toBeNull());
    document.querySelector('[data-permission="Jobs_Manage"]')!.removeAttribute('disabled');
    document.querySelector('[data-permission="Jobs_Manage"]')!.removeAttribute('aria-disabled');
    await waitFor(() => expect(hostAfter('[data-permission="Jobs_Manage"]')).toBeNull());
    document.querySelector('[data-permission="Scripts_Manage"]')!.remove();
    await waitFor(() => expect(hosts()).toHaveLength(4)); // 4 + 2 new - 2 gone
  });

  it('renames its button when the control’s text changes', async () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    document.querySelector('[data-permission="Dashboards_Manage"]')!.setAttribute('aria-label', 'Edit this dashboard');
    await waitFor(() => expect(why(hostAfter('[data-permission="Dashboards_Manage"]')!).getByRole('button', { name: 'Why is Edit this dashboard unavailable?' })).toBeTruthy());
  });

  it('removes every affordance and stops watching when the content script’s context ends', async () => {
    attachWhyButtons(ctx, document.body, 't_acme');
    expect(hosts()).toHaveLength(4);
    ctx.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
    document.querySelector('.controls')!.insertAdjacentHTML('beforeend', '<button data-permission="Commands_Manage" disabled>Run command</button>');
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
  });
});

describe('explainDisabledControls', () => {
  const adapter = referenceConsoleAdapter('http://127.0.0.1:8788');
  const on = (path: string) => explainDisabledControls.when!({ ctx, adapter, url: new URL(`http://127.0.0.1:8788${path}`), document });

  it('runs on a customer’s pages only, where the tenant is in the URL (the background checks the same)', () => {
    expect(on('/t/t_acme/automation')).toBe(true);
    expect(on('/login')).toBe(false);
    expect(on('/')).toBe(false);
  });

  it('explains for the customer of the page’s URL', async () => {
    const background = fakeBackground(() => ({ ok: true, explanation: DENIED }));
    await explainDisabledControls.run({ ctx, adapter, url: new URL('http://127.0.0.1:8788/t/t_acme/automation'), document });
    fireEvent.click(why(hosts()[0]!).getByRole('button', { name: 'Why is Run job unavailable?' }));
    await waitFor(() => expect(background.asked).toEqual([{ type: 'access.explain', tenantId: 't_acme', permission: 'Jobs_Manage' }]));
  });
});
