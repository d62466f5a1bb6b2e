import { describe, expect, it } from 'vitest';
import { failureFrom, reach } from './bff-failure';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), json: async () => body });

describe('what the extension says when the BFF fails', () => {
  it('the BFF out of reach: "Switchboard is unreachable", nothing changed', async () => {
    const reached = await reach(() => Promise.reject(new TypeError('fetch failed')));
    expect(reached).toMatchObject({ ok: false, error: 'bff_unreachable', message: expect.stringMatching(/^Switchboard is unreachable \(fetch failed\); nothing was changed/) });
  });

  it('a 503 (database busy, full or gone) is unreachable too, with its Retry-After', async () => {
    const v1 = await failureFrom(answer(503, { error: { code: 'unavailable', message: 'the database is unavailable; retry shortly' } }, { 'retry-after': '5' }));
    expect(v1).toMatchObject({ ok: false, error: 'bff_unreachable', message: 'Switchboard is unreachable (it answered 503); nothing was changed. Try again in 5 s.' });
    const oauth = await failureFrom(answer(503, { error: 'temporarily_unavailable', error_description: 'the service is busy; retry shortly' }, { 'retry-after': '1' }));
    expect(oauth).toMatchObject({ error: 'bff_unreachable', message: expect.stringMatching(/Try again in 1 s\.$/) });
  });

  it('any other refusal keeps the BFF’s own words', async () => {
    expect(await failureFrom(answer(404, { error: { code: 'not_found', message: 'no such tenant' } }))).toMatchObject({ error: 'not_found', message: 'no such tenant' });
    expect(await failureFrom(answer(400, { error: 'invalid_target', error_description: 'no grant' }))).toMatchObject({ error: 'invalid_target', message: 'no grant' });
  });
});
