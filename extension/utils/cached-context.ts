// Reads the cached tenant context: the stored JSON text, parsed once per stored version.
import type { TenantContext } from '../../shared/tenant-context';
import type { CachedContext } from './storage';

let last: { json: string; context: TenantContext } | null = null;

/** The cached context of `userId`, or null when the cache holds another user's (or none). */
export function cachedContextOf(cache: CachedContext | null, userId: string): TenantContext | null {
  if (!cache || cache.userId !== userId) return null;
  if (last?.json !== cache.contextJson) last = { json: cache.contextJson, context: JSON.parse(cache.contextJson) as TenantContext };
  return last.context;
}
