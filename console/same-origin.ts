// The extension adds the customer token to every request of its tab to the tenant's path, so a
// cross-site page loaded in that tab could make the browser send a token-bearing POST. Actions
// therefore accept only same-origin requests (Fetch Metadata, then Origin, when the browser sends them).
import type { Context } from 'hono';

export function isSameOriginRequest(c: Context, consoleUrl: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  return origin === undefined || origin === new URL(c.req.url).origin || origin === new URL(consoleUrl).origin;
}
