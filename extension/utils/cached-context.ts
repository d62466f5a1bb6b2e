// Reads the cached tenant context (or its head): the stored JSON text, parsed once per stored version.
import type { TenantContext } from '../../shared/tenant-context';
import type { CachedContext } from './storage';

const parsed = new WeakMap<CachedContext, TenantContext>();

/** The cached context of `userId`, or null when the cache holds another user's (or none). */
export function cachedContextOf(cache: CachedContext | null, userId: string): TenantContext | null {
  if (!cache || cache.userId !== userId) return null;
  let context = parsed.get(cache);
  if (!context) parsed.set(cache, (context = JSON.parse(cache.contextJson) as TenantContext));
  return context;
}
