// RFC 6749 §5.2 error answers for the OAuth endpoints.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OAuthError, OAuthErrorCode } from '../../shared/oauth';

export class OAuthFailure extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status: ContentfulStatusCode = 400,
    readonly headers: Record<string, string> = {},
    /** False for refusals too repetitive to audit one by one (a rate-limited flood). */
    readonly audited = true,
  ) {
    super(description);
  }
}

/** OAuth answers carry tokens or say why not: never cached (RFC 6749 §5.1). */
export function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
}

export function oauthErrorResponse(c: Context, failure: OAuthFailure) {
  noStore(c);
  for (const [k, v] of Object.entries(failure.headers)) c.header(k, v);
  return c.json({ error: failure.code, error_description: failure.description } satisfies OAuthError, failure.status);
}
