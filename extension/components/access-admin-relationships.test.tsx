// A customer's administrator approves or removes partners; a partner renames a customer or asks
// to manage one. The background is played by the test; refusals and conflicts are shown as said.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RelationshipView } from '../../shared/access-admin-common';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { acceptRequest } from '../background/sender-policy';
import { fakeBackground } from '../test-support/fake-background';
import { askAccessAdmin as askBackground } from '../utils/access-admin-messaging';
import { AccessAdminRelationships } from './access-admin-relationships';
import { AccessAdminRename } from './access-admin-rename';

const relationship = (state: RelationshipView['state'], version = 1): RelationshipView => ({
  id: 'r_1', version, partner: { id: 't_contoso', name: 'Contoso Managed Services' }, customer: { id: 't_acme', name: 'Acme Retail' }, state,
  requested_at: '2026-11-24T12:00:00.000Z', approved_at: null, removed_at: null, removed_by: null, notify_on_grant_changes: false,
});

let answer: (r: BackgroundRequest) => unknown;
let background: ReturnType<typeof fakeBackground>;
let current: RelationshipView;
beforeEach(() => {
  fakeBrowser.reset();
  current = relationship('pending');
  answer = (r) => (r.type === 'access.relationships.list' ? { ok: true, relationships: [current] } : { ok: false, error: 'x', message: 'unexpected' });
  background = fakeBackground((r) => answer(r));
});
afterEach(cleanup);

describe('AccessAdminRelationships', () => {
  it('shows a pending partner as pending and approves it with the version read', async () => {
    const list = answer;
    answer = (r) => {
      if (r.type !== 'access.relationships.approve') return list(r);
      current = { ...relationship('approved', 2) };
      return { ok: true, result: { relationship: current, revoked_grant_ids: [] } };
    };
    render(<AccessAdminRelationships ask={askBackground} />);
    const row = await screen.findByRole('row', { name: /Contoso Managed Services/ });
    expect(row.textContent).toMatch(/Pending your approval/);
    fireEvent.click(within(row).getByRole('button', { name: 'Approve Contoso Managed Services' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Contoso Managed Services may now manage access.'));
    expect(background.asked).toContainEqual({ type: 'access.relationships.approve', relationshipId: 'r_1', version: 1 });
    await waitFor(() => expect(screen.getByRole('row', { name: /Contoso Managed Services/ }).textContent).toMatch(/Approved/));
  });

  it('says when the relationship changed meanwhile, and shows it as it is now', async () => {
    const list = answer;
    answer = (r) => {
      if (r.type !== 'access.relationships.remove') return list(r);
      current = relationship('removed', 3);
      return { ok: false, error: 'conflict', message: 'the relationship changed since you read it', current };
    };
    render(<AccessAdminRelationships ask={askBackground} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Contoso Managed Services' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('the relationship changed since you read it The list shows it as it is now.'));
    await waitFor(() => expect(screen.getByRole('row', { name: /Contoso Managed Services/ }).textContent).toMatch(/Removed/));
  });
});

describe('AccessAdminRename', () => {
  it('renames a managed customer, and shows the BFF’s refusal', async () => {
    answer = () => ({ ok: false, error: 'forbidden', message: 'Clients_Manage is required to rename a customer.' });
    let done = '';
    render(<AccessAdminRename partnerId="t_contoso" customer={{ id: 't_acme', name: 'Acme Retail' }} ask={askBackground} onDone={(m) => (done = m)} onCancel={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Rename Acme Retail' });
    fireEvent.input(within(form).getByLabelText('New name'), { target: { value: '  Acme Retail Group ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Clients_Manage is required to rename a customer.');
    answer = () => ({ ok: true });
    fireEvent.click(within(form).getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(done).toBe('Renamed Acme Retail to Acme Retail Group.'));
    expect(background.asked.at(-1)).toEqual({ type: 'access.customers.rename', partnerId: 't_contoso', customerId: 't_acme', rename: { name: 'Acme Retail Group' } });
  });
});

describe('who may send access messages', () => {
  it('a console page (content script) may send none of them; extension pages may', () => {
    const page = { kind: 'content-script', pageTenant: 't_acme' } as const;
    const asks: BackgroundRequest[] = [
      { type: 'access.grants.remove', grantId: 'g', version: 1 },
      { type: 'access.moreTime.request', tenantId: 't_acme', reason: 'r' },
      { type: 'access.admin.open' },
      { type: 'access.audit.export', query: { format: 'csv' } },
    ];
    expect(asks.map((r) => acceptRequest(r, page))).toEqual([false, false, false, false]);
    expect(asks.map((r) => acceptRequest(r, { kind: 'extension-page' }))).toEqual([true, true, true, true]);
  });
});
