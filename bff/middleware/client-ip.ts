// The caller's IP: the socket's peer, or, when that peer is a trusted proxy, the right-most
// untrusted hop of X-Forwarded-For (see resolveClientIp).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { resolveClientIp } from '../domain/ip-allowlist';

export function clientIpFromConnection(c: Context, trustedProxies: readonly string[]): string | undefined {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address ?? undefined;
  } catch {
    peer = undefined; // in-process app.request() has no socket
  }
  return resolveClientIp(peer, c.req.header('x-forwarded-for'), trustedProxies);
}
