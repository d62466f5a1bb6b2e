// Issue 17's Tenants tab in Chromium with the built extension: Contoso's administrator creates a
// client (seed 000's account fields), sets its IP allow-list, creates a single-use invitation link
// (seed 002) and copies it, then terminates the client after typing its name. The BFF confirms
// each step: the client is stored, the link's token signs the invitee up, the client is terminated.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackWithChromium } from './stack';
import { PASSWORD } from './switcher-steps';

const ADMIN = 'admin@contoso-msp.example';
const suffix = Math.random().toString(36).slice(2, 8);
const CLIENT = { name: `Tenant Tab Client ${suffix.toUpperCase()}`, domain: `tt-${suffix}.example` };

const run = useStackWithChromium();

async function bffGet<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${run.stack.bffUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
type Tenant = { id: string; name: string; status: string; ip_allowlist: string[]; account: { postal_code?: string } };

describe('the Tenants tab, end to end', () => {
  let access: Page;
  let clientId = '';

  it('the administrator opens the Tenants tab and creates a client', async () => {
    const popup = await run.browser.openPopup();
    await popup.getByLabel('E-mail').fill(ADMIN);
    await popup.getByLabel('Password').fill(PASSWORD);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Manage access' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const opened = run.browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Manage access' }).click();
    access = await opened;
    await access.getByRole('tab', { name: 'Tenants' }).click();
    await expect.poll(() => access.getByRole('table', { name: 'Tenants' }).getByRole('row', { name: /Acme Retail/ }).count()).toBe(1);

    await access.getByRole('button', { name: 'New client' }).click();
    const form = access.getByRole('form', { name: 'New client' });
    const fields: [string, string][] = [
      ['Name', CLIENT.name],
      ['E-mail domain', CLIENT.domain],
      ['Alternate e-mail', `it@${CLIENT.domain}`],
      ['Notification e-mail', `alerts@${CLIENT.domain}`],
      ['Time zone', 'Europe/London'],
      ['Country', 'GB'],
      ['City', 'Leeds'],
      ['Address', '1 Park Row'],
      ['Postal code', '01532'],
      ['State', 'West Yorkshire'],
      ['Application server', 'eu1.monitoring.example'],
    ];
    for (const [label, value] of fields) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect.poll(() => access.getByRole('status').first().textContent()).toBe(`Client created: ${CLIENT.name}.`);

    const admin = await run.stack.world.signIn(ADMIN);
    const { tenants } = await bffGet<{ tenants: Tenant[] }>(admin, `/v1/admin/tenants?kind=client&q=${encodeURIComponent(CLIENT.name)}`);
    expect(tenants.map((t) => [t.name, t.status, t.account.postal_code])).toEqual([[CLIENT.name, 'active', '01532']]);
    clientId = tenants[0]!.id;
  });

  it('sets its IP allow-list', async () => {
    const detail = access.getByRole('region', { name: `Tenant ${CLIENT.name}` });
    const allowlist = detail.getByRole('form', { name: `IP allow-list of ${CLIENT.name}` });
    await allowlist.getByLabel('IP allow-list').fill('203.0.113.7\n198.51.100.0/24');
    await allowlist.getByRole('button', { name: 'Save IP allow-list' }).click();
    await expect.poll(() => access.getByRole('status').first().textContent()).toBe(`IP allow-list saved for ${CLIENT.name}.`);
    const { tenant } = await bffGet<{ tenant: Tenant }>(await run.stack.world.signIn(ADMIN), `/v1/admin/tenants/${clientId}`);
    expect(tenant.ip_allowlist).toEqual(['203.0.113.7', '198.51.100.0/24']);
  });

  it('creates an invitation link, sees it, and the link signs the invitee up', async () => {
    const invite = access.getByRole('form', { name: `Invite a user to ${CLIENT.name}` });
    await invite.getByLabel('E-mail of the invitee').fill(`dana@${CLIENT.domain}`);
    await invite.getByLabel('Role').selectOption('platform_administrator');
    await invite.getByRole('button', { name: 'Create invitation link' }).click();
    const link = invite.getByLabel(`Invitation link for dana@${CLIENT.domain}`);
    await expect.poll(() => link.inputValue()).toMatch(/\/v1\/invitations\/accept#token=/);
    await run.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await invite.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => invite.getByRole('status').textContent()).toBe('Copied.');
    expect(await access.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());

    const token = new URLSearchParams(new URL(await link.inputValue()).hash.slice(1)).get('token');
    const res = await fetch(`${run.stack.bffUrl}/v1/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Dana Admin', password: 'a long enough password' }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: `dana@${CLIENT.domain}`, tenant_id: clientId });
  });

  it('terminates it only after its name is typed exactly', async () => {
    const terminate = access.getByRole('form', { name: `Terminate ${CLIENT.name}` });
    const button = terminate.getByRole('button', { name: `Terminate ${CLIENT.name}` });
    await terminate.getByRole('checkbox', { name: 'I understand the tenant’s data will be lost' }).check();
    await terminate.getByLabel(`Type ${CLIENT.name} to confirm`).fill(CLIENT.name.toLowerCase());
    expect(await button.isDisabled()).toBe(true);
    await terminate.getByLabel(`Type ${CLIENT.name} to confirm`).fill(CLIENT.name);
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    await expect.poll(() => access.getByRole('status').first().textContent()).toMatch(new RegExp(`^${CLIENT.name} terminated`));
    const { tenant } = await bffGet<{ tenant: Tenant }>(await run.stack.world.signIn(ADMIN), `/v1/admin/tenants/${clientId}`);
    expect(tenant.status).toBe('terminated');
    await access.getByLabel('Status').selectOption('inactive');
    await expect.poll(() => access.getByRole('table', { name: 'Tenants' }).getByRole('row', { name: new RegExp(CLIENT.name) }).textContent()).toMatch(/terminated/);
  });
});
