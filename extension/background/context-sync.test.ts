// @vitest-environment node
// The BFF runs in-process (libSQL, jose): Node's own fetch classes, not the DOM's.
import { tenantContextSchema } from '../../shared/tenant-context';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ANALYST_EMAIL, ANALYST_ID, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { contextCacheItem, contextHeadItem, pinnedCustomersItem, type StoredSession } from '../utils/storage';
import { createContextSync } from './context-sync';
import { createSession } from './session';

let w: BffWorld;
beforeAll(async () => {
  w = await startBffWorld();
});
afterAll(() => w.world.close());

let session: StoredSession;
let onUnauthorized: ReturnType<typeof vi.fn<() => Promise<void>>>;
beforeEach(async () => {
  fakeBrowser.reset();
  w.down = false;
  const s = createSession({ bff: w.bff, now: w.now });
  await s.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
  session = (await s.current())!;
  w.calls.length = 0;
  onUnauthorized = vi.fn(async () => undefined);
});

const sync = () => createContextSync({ bff: w.bff, now: w.now, onUnauthorized });
const contextCalls = () => w.calls.filter((c) => c.path === '/v1/me/context').map((c) => c.status);

describe('createContextSync against the BFF', () => {
  it('stores the head of the context beside it: the pinned, recent and first customers, and the count of all', async () => {
    await pinnedCustomersItem.setValue(['t_umbrella']);
    expect(await sync().refresh(session)).toEqual({ ok: true });
    const head = await contextHeadItem.getValue();
    const whole = tenantContextSchema.parse(JSON.parse((await contextCacheItem.getValue())!.contextJson));
    expect(head).toMatchObject({ userId: ANALYST_ID, etag: (await contextCacheItem.getValue())!.etag, customerCount: whole.customers.length });
    const headContext = tenantContextSchema.parse(JSON.parse(head!.contextJson));
    expect(headContext.customers.map((c) => c.tenant_id)).toContain('t_umbrella');
    expect(headContext.customers).toEqual(whole.customers.filter((c) => headContext.customers.some((h) => h.tenant_id === c.tenant_id)));
    await sync().clear();
    expect(await contextHeadItem.getValue()).toBeNull();
  });

  it('stores the analyst’s context with its ETag', async () => {
    expect(await sync().refresh(session)).toEqual({ ok: true });
    const cached = await contextCacheItem.getValue();
    expect(cached?.userId).toBe(ANALYST_ID);
    expect(cached?.etag).toMatch(/^"/);
    expect(cached?.fetchedAt).toBe(new Date(w.now()).toISOString());
    expect(tenantContextSchema.parse(JSON.parse(cached!.contextJson)).customers.map((c) => c.name)).toEqual(expect.arrayContaining(['Acme Retail', 'Globex Manufacturing', 'Initech Finance', 'Umbrella Health']));
    expect(tenantContextSchema.parse(JSON.parse(cached!.contextJson)).customers.map((c) => c.name)).not.toContain('Wayne Logistics');
    expect(contextCalls()).toEqual([200]);
  });

  it('revalidates an unchanged context with a 304 and keeps the cache as it was', async () => {
    const s = sync();
    await s.refresh(session);
    const first = await contextCacheItem.getValue();
    w.world.clock.advance(60_000); // a 200 would store a new fetchedAt
    expect(await s.refresh(session)).toEqual({ ok: true });
    expect(contextCalls()).toEqual([200, 304]);
    expect(await contextCacheItem.getValue()).toEqual(first);
  });

  it('fetches in full when the cache is another user’s (no If-None-Match)', async () => {
    await sync().refresh(session);
    const cached = (await contextCacheItem.getValue())!;
    await contextCacheItem.setValue({ ...cached, userId: 'u_someone_else' });
    await sync().refresh(session);
    expect(contextCalls()).toEqual([200, 200]);
    expect((await contextCacheItem.getValue())?.userId).toBe(ANALYST_ID);
  });

  it('shares one request between callers that arrive while it is in flight', async () => {
    const s = sync();
    const answers = await Promise.all([s.refresh(session), s.refresh(session), s.refresh(session)]);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(contextCalls()).toEqual([200]);
    await s.refresh(session); // and asks again once it is done
    expect(contextCalls()).toEqual([200, 304]);
  });

  it('ends the session on a 401 and says so', async () => {
    const answer = await sync().refresh({ ...session, token: 'not-a-token' });
    expect(answer).toMatchObject({ ok: false, error: 'signed_out' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(contextCalls()).toEqual([401]);
  });

  it('keeps the cache and says the BFF cannot be reached when it is down', async () => {
    await sync().refresh(session);
    const cached = await contextCacheItem.getValue();
    w.down = true;
    expect(await sync().refresh(session)).toMatchObject({ ok: false, error: 'bff_unreachable' });
    expect(await contextCacheItem.getValue()).toEqual(cached);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('finds a customer in the cache, and forgets the cache on clear', async () => {
    const s = sync();
    expect(await s.entryOf('t_acme')).toBeNull();
    await s.refresh(session);
    expect(await s.entryOf('t_acme')).toMatchObject({ tenant_id: 't_acme', name: 'Acme Retail', switchable: true });
    expect(await s.entryOf('t_initech')).toMatchObject({ switchable: false, blocked: { code: 'grant_expired' } });
    expect(await s.entryOf('t_wayne')).toBeNull();
    await s.clear();
    expect(await contextCacheItem.getValue()).toBeNull();
  });
});
