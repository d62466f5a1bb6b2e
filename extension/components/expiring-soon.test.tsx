import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { customer } from '../test-support/customers';
import { ExpiringSoon } from './expiring-soon';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const HOUR = 3_600_000;
const ending = (id: string, name: string, hours: number) => customer(id, name, { expires_at: new Date(NOW + hours * HOUR).toISOString() });
const exact = (hours: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' }).format(new Date(NOW + hours * HOUR));

afterEach(cleanup);

describe('ExpiringSoon', () => {
  it('lists the customers whose access ends within 7 days, soonest first, with the time left and the exact end on hover', () => {
    render(<ExpiringSoon customers={[ending('t_week', 'Wayne Logistics', 6 * 24), customer('t_acme', 'Acme Retail'), ending('t_globex', 'Globex Manufacturing', 2), ending('t_later', 'Later Ltd', 8 * 24)]} now={NOW} />);
    const section = screen.getByRole('region', { name: 'Expiring in the next 7 days' });
    expect(within(section).getByRole('heading', { name: 'Expiring in the next 7 days' })).toBeTruthy();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Globex Manufacturing2h 0m left', 'Wayne Logistics6d 0h left']);
    expect(within(items[0]!).getByText('2h 0m left').getAttribute('title')).toBe(`Access until ${exact(2)}`);
    expect(within(items[1]!).getByText('6d 0h left').getAttribute('title')).toBe(`Access until ${exact(6 * 24)}`);
    expect(section.querySelector('details')).toBeNull();
  });

  it('shows nothing when no access ends within the week', () => {
    const { container } = render(<ExpiringSoon customers={[customer('t_acme', 'Acme Retail'), ending('t_later', 'Later Ltd', 8 * 24)]} now={NOW} />);
    expect(container.textContent).toBe('');
  });

  it('shows the five soonest and keeps the rest behind a summary, rendered only once opened', async () => {
    const seven = Array.from({ length: 7 }, (_, i) => ending(`t_c${i}`, `Customer ${i}`, i + 1));
    render(<ExpiringSoon customers={seven} now={NOW} />);
    const section = screen.getByRole('region', { name: 'Expiring in the next 7 days' });
    const details = section.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Show all 7 customers');
    expect([...section.querySelectorAll('li')].map((li) => li.querySelector('.expiring-name')?.textContent)).toEqual(['Customer 0', 'Customer 1', 'Customer 2', 'Customer 3', 'Customer 4']);
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await waitFor(() => expect(section.querySelectorAll('li')).toHaveLength(7));
  });

  it('keeps exactly five open', () => {
    render(<ExpiringSoon customers={Array.from({ length: 5 }, (_, i) => ending(`t_c${i}`, `Customer ${i}`, i + 1))} now={NOW} />);
    expect(screen.getByRole('region', { name: 'Expiring in the next 7 days' }).querySelector('details')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });
});
