// The assign form, the audit export and the options page's opener, with the background played by
// the test (the page-level test drives the same parts against the real BFF).
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { fakeBackground } from '../test-support/fake-background';
import { askAccessAdmin as askBackground } from '../utils/access-admin-messaging';
import { AccessAdminAssignForm } from './access-admin-assign-form';
import { AccessAdminAudit } from './access-admin-audit';
import { AccessAdminOpenButton } from './access-admin-open-button';

let answer: (r: BackgroundRequest) => unknown;
let background: ReturnType<typeof fakeBackground>;
beforeEach(() => {
  fakeBrowser.reset();
  answer = () => ({ ok: false, error: 'forbidden', message: 'Clients_Manage is required to assign access.' });
  background = fakeBackground((r) => answer(r));
});
afterEach(cleanup);

const users = [{ id: 'u_a', name: 'Ari Analyst', detail: 'analyst@contoso-msp.example' }, { id: 'u_b', name: 'Bo Builder', detail: 'bo@contoso-msp.example' }];
const customers = [{ id: 't_acme', name: 'Acme Retail', products: ['event_incident_management'] }, { id: 't_globex', name: 'Globex Manufacturing', products: [] }];

describe('AccessAdminAssignForm', () => {
  it('previews many users × many customers as one quick add, and shows the BFF’s refusal', async () => {
    render(<AccessAdminAssignForm users={users} customers={customers} ask={askBackground} onDone={() => undefined} onCancel={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Assign access' });
    fireEvent.click(within(form).getByRole('button', { name: 'Review changes' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Choose at least one user.');
    fireEvent.click(within(form).getByRole('checkbox', { name: /Ari Analyst/ }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /Bo Builder/ }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Acme Retail' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Globex Manufacturing' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Platform Administrator' }));
    fireEvent.click(within(form).getByRole('radio', { name: '48 hours' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Quick add (no role or products)' }));
    expect(within(form).queryByRole('group', { name: 'Role and products in Acme Retail' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Review changes' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Clients_Manage is required to assign access.'));
    expect(background.asked).toEqual([
      {
        type: 'access.grants.preview',
        assign: {
          user_ids: ['u_a', 'u_b'],
          platform_admin: true,
          duration: { kind: 'hours', hours: 48 },
          customers: [
            { customer_id: 't_acme', role: null, products: [] },
            { customer_id: 't_globex', role: null, products: [] },
          ],
        },
      },
    ]);
  });

  it('narrows the users offered as the admin types', () => {
    render(<AccessAdminAssignForm users={users} customers={customers} ask={askBackground} onDone={() => undefined} onCancel={() => undefined} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find users' }), { target: { value: 'bo@' } });
    expect(within(screen.getByRole('group', { name: 'Users' })).getAllByRole('checkbox').map((c) => c.parentElement!.textContent)).toEqual(['Bo Builder bo@contoso-msp.example']);
  });
});

describe('AccessAdminAudit', () => {
  it('pages older events and saves an export as the background answered it', async () => {
    const event = (id: string) => ({ id, at: '2026-11-24T12:00:00.000Z', action: 'grant.assign', outcome: 'success', actor_user_id: 'u_contoso_admin', subject_user_id: 'u_a', tenant_id: 't_acme', ip: null, reason: null, before: null, after: { role: 'operator' } });
    answer = (r) => {
      if (r.type === 'access.audit.list') return { ok: true, page: r.query.cursor ? { events: [event('e2')], next_cursor: null } : { events: [event('e1')], next_cursor: 'c1' } };
      if (r.type === 'access.audit.export') return { ok: true, fileName: 'switchboard-audit.csv', mediaType: 'text/csv', text: 'id,at\r\ne1,2026-11-24T12:00:00.000Z\r\n' };
      return { ok: false, error: 'x', message: 'unexpected' };
    };
    const saved: string[][] = [];
    render(<AccessAdminAudit filter={{ tenant_id: 't_acme' }} title="Audit trail of Acme Retail" ask={askBackground} save={(...args) => saved.push(args)} />);
    const table = await screen.findByRole('table', { name: 'Audit trail of Acme Retail' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Older events' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Older events' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual([['switchboard-audit.csv', 'text/csv', 'id,at\r\ne1,2026-11-24T12:00:00.000Z\r\n']]));
    expect(background.asked.map((r) => r.type === 'access.audit.list' || r.type === 'access.audit.export' ? r.query : null)).toEqual([
      { tenant_id: 't_acme', limit: 25 },
      { tenant_id: 't_acme', limit: 25, cursor: 'c1' },
      { tenant_id: 't_acme', format: 'csv' },
    ]);
  });
});

describe('AccessAdminOpenButton', () => {
  it('opens the access view', async () => {
    answer = () => ({ ok: true });
    render(<AccessAdminOpenButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Manage customer access' }));
    await waitFor(() => expect(background.asked).toEqual([{ type: 'access.admin.open' }]));
  });
});
