import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeBackground } from '../test-support/fake-background';
import { AccessAdminMoreTimeForm } from './access-admin-more-time-form';

let answer: unknown;
let background: ReturnType<typeof fakeBackground>;
beforeEach(() => {
  fakeBrowser.reset();
  answer = { ok: false, error: 'forbidden', message: 'You hold no grant to Globex Manufacturing.' };
  background = fakeBackground(() => answer);
});
afterEach(cleanup);

const form = (onClose: () => void = () => undefined) => render(<AccessAdminMoreTimeForm tenantId="t_globex" name="Globex Manufacturing" onClose={onClose} />);

describe('AccessAdminMoreTimeForm', () => {
  it('asks for a reason before sending anything', async () => {
    form();
    expect(document.activeElement).toBe(screen.getByLabelText('Reason')); // focused on open
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Say why/);
    expect(background.asked).toEqual([]);
  });

  it('sends the reason through the background and shows the BFF’s refusal', async () => {
    form();
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: ' incident 4411 still open ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You hold no grant to Globex Manufacturing.');
    expect(background.asked).toEqual([{ type: 'access.moreTime.request', tenantId: 't_globex', reason: 'incident 4411 still open' }]);
  });

  it('says the request was sent', async () => {
    answer = {
      ok: true,
      request: {
        id: 'x_1', grant_id: 'g_globex', user: { id: 'u', email: 'a@b.example', name: 'A' }, customer: { id: 't_globex', name: 'Globex Manufacturing' },
        reason: 'r', state: 'pending', requested_at: '2026-11-24T12:00:00.000Z', requested_expires_at: null, current_expires_at: '2026-11-24T14:00:00.000Z',
        decided_at: null, decided_by: null, approved_expires_at: null, note: null,
      },
    };
    let closed = false;
    form(() => (closed = true));
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'r' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Request sent/));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(closed).toBe(true);
  });
});
