// Keeps the cached tenant context fresh: revalidated with its ETag, so an unchanged context of
// 10,000 customers costs a 304 instead of 3 MB.
import { tenantContextSchema } from '../../shared/tenant-context';
import type { Failure } from '../../shared/extension-messages';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import { cachedContextOf } from '../utils/cached-context';
import { contextHead } from '../state/context-head';
import { parsePins } from '../utils/customer-prefs';
import { contextCacheItem, contextHeadItem, pinnedCustomersItem, type StoredSession } from '../utils/storage';

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
import { failureFrom, reach } from './bff-failure';

export function createContextSync({ bff, now, onUnauthorized }: { bff: BffClient; now: () => number; onUnauthorized: () => Promise<void> }) {
  let inFlight: Promise<{ ok: true } | Failure> | null = null;

  async function revalidate(session: StoredSession): Promise<{ ok: true } | Failure> {
    const cached = await contextCacheItem.getValue();
    const etag = cached?.userId === session.user.id ? cached.etag : null;
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
    if (etag) headers['if-none-match'] = etag;
    const reached = await reach(() => bff.v1.me.context.$get(undefined, { headers }));
    if (!('response' in reached)) return reached;
    const { response } = reached;
    // 401 comes from the auth middleware, so the typed client does not list it.
    const status: number = response.status;
    if (status === 304) return { ok: true };
    if (status === 401) {
      await onUnauthorized();
      return failure('signed_out', 'Your Switchboard session has ended; sign in again.');
    }
    if (response.status !== 200) return failureFrom(response);
    const text = await response.text();
    const parsed = tenantContextSchema.safeParse(parseJson(text));
    if (!parsed.success) return failure('bad_answer', 'The Switchboard service sent a tenant context that does not parse.');
    // Stored as the text it arrived as (validated just above): see CachedContext. The head first,
    // so a page never pairs a new head with an older whole context for long.
    const stored = { userId: session.user.id, etag: response.headers.get('etag'), fetchedAt: new Date(now()).toISOString() };
    const head = contextHead(parsed.data, parsePins(await pinnedCustomersItem.getValue()));
    await contextHeadItem.setValue({ ...stored, contextJson: JSON.stringify(head), customerCount: parsed.data.customers.length });
    await contextCacheItem.setValue({ ...stored, contextJson: text });
    return { ok: true };
  }

  /** Revalidates once at a time; callers arriving meanwhile share the answer. */
  function refresh(session: StoredSession) {
    inFlight ??= revalidate(session).finally(() => (inFlight = null));
    return inFlight;
  }

  /** A customer as last seen in the cached context. */
  async function entryOf(tenantId: string) {
    const cache = await contextCacheItem.getValue();
    return (cache && cachedContextOf(cache, cache.userId)?.customers.find((c) => c.tenant_id === tenantId)) ?? null;
  }

  return { refresh, entryOf, clear: () => Promise.all([contextHeadItem.removeValue(), contextCacheItem.removeValue()]).then(() => undefined) };
}

export type ContextSync = ReturnType<typeof createContextSync>;
