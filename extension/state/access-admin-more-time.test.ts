import { describe, expect, it } from 'vitest';
import { createMoreTimeState, validMoreTime } from './access-admin-more-time';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const utc = (v: string) => Date.parse(`${v}Z`);

describe('validMoreTime', () => {
  it('needs a reason, trimmed', () => {
    expect(validMoreTime({ reason: '   ', until: '' }, NOW)).toEqual({ ok: false, problem: 'Say why you need more time: your administrator decides on it.' });
    expect(validMoreTime({ reason: '  incident 4411 still open ', until: '' }, NOW)).toEqual({ ok: true, reason: 'incident 4411 still open', until: null });
  });

  it('refuses a reason over 500 characters', () => {
    expect(validMoreTime({ reason: 'x'.repeat(501), until: '' }, NOW).ok).toBe(false);
    expect(validMoreTime({ reason: 'x'.repeat(500), until: '' }, NOW).ok).toBe(true);
  });

  it('sends a later end as an instant, and refuses one in the past or unreadable', () => {
    expect(validMoreTime({ reason: 'r', until: '2026-11-25T12:00' }, NOW, utc)).toEqual({ ok: true, reason: 'r', until: '2026-11-25T12:00:00.000Z' });
    expect(validMoreTime({ reason: 'r', until: '2026-11-24T12:00' }, NOW, utc)).toEqual({ ok: false, problem: 'The new end must be in the future.' });
    expect(validMoreTime({ reason: 'r', until: 'soon' }, NOW, utc)).toEqual({ ok: false, problem: 'Enter the end as a date and time.' });
  });
});

describe('createMoreTimeState', () => {
  it('clears a shown problem once the analyst edits', () => {
    const state = createMoreTimeState();
    state.status.value = { state: 'failed', message: 'no' };
    state.edit({ reason: 'a' });
    expect(state.status.value).toEqual({ state: 'editing' });
    expect(state.draft.value).toEqual({ reason: 'a', until: '' });
  });
});
