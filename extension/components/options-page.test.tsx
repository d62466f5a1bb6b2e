import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expiryWarningsItem } from '../utils/storage';
import { OptionsPage } from './options-page';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const field = (n: number) => screen.getByRole('spinbutton', { name: `Warning ${n} (minutes before access ends)` }) as HTMLInputElement;
const fields = () => screen.queryAllByRole('spinbutton').map((f) => (f as HTMLInputElement).value);
const type = (n: number, value: string) => fireEvent.input(field(n), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

async function open() {
  render(<OptionsPage />);
  await screen.findByRole('form', { name: 'Warn before access ends' });
}

describe('OptionsPage', () => {
  it('offers the default warnings, 60 and 10 minutes, in labelled fields', async () => {
    await open();
    expect(fields()).toEqual(['60', '10']);
    expect(field(1).min).toBe('1');
    expect(field(1).max).toBe('10080');
  });

  it('shows what is stored', async () => {
    await expiryWarningsItem.setValue([1440, 30]);
    await open();
    expect(fields()).toEqual(['1440', '30']);
  });

  it('falls back to the default when storage holds something else', async () => {
    await fakeBrowser.storage.sync.set({ expiryWarnings: ['soon'] });
    await open();
    expect(fields()).toEqual(['60', '10']);
  });

  it('saves the minutes, largest first and once each, and says so', async () => {
    await open();
    type(2, '5');
    fireEvent.click(screen.getByRole('button', { name: 'Add a warning' }));
    type(3, '120');
    fireEvent.click(screen.getByRole('button', { name: 'Add a warning' }));
    type(4, '60');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(await expiryWarningsItem.getValue()).toEqual([120, 60, 5]);
    expect(fields()).toEqual(['120', '60', '5']);
    type(1, '90');
    expect(screen.getByRole('status').textContent).toBe(''); // an edit is not saved yet
  });

  it('removes a warning, and saves none at all', async () => {
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove warning 1' }));
    expect(fields()).toEqual(['10']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove warning 1' }));
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(await expiryWarningsItem.getValue()).toEqual([]);
  });

  it('offers up to five warnings', async () => {
    await open();
    const add = screen.getByRole('button', { name: 'Add a warning' }) as HTMLButtonElement;
    fireEvent.click(add);
    fireEvent.click(add);
    fireEvent.click(add);
    expect(fields()).toHaveLength(5);
    expect(add.disabled).toBe(true);
  });

  it.each([
    ['zero', '0'],
    ['a fraction', '2.5'],
    ['more than a week', '10081'],
    ['nothing', ''],
  ])('refuses %s, saying which field and why, and keeps what was stored', async (_, value) => {
    await expiryWarningsItem.setValue([30]);
    await open();
    type(1, value);
    save();
    const alert = await screen.findByRole('alert');
    const problem = 'Warning 1: enter a whole number of minutes from 1 to 10080 (7 days).';
    expect(alert.textContent).toBe(`Not saved: ${problem}`);
    expect(field(1).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field(1).getAttribute('aria-describedby')!)?.textContent).toBe(problem);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(await expiryWarningsItem.getValue()).toEqual([30]);
  });

  it('clears the problem once the field is fixed and saved', async () => {
    await open();
    type(2, '0');
    save();
    await screen.findByRole('alert');
    type(2, '15');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field(2).getAttribute('aria-invalid')).toBeNull();
  });
});
