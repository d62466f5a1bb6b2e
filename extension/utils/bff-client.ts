// The BFF, reached only through Hono's typed client: every path and body is checked against AppType.
import { hc } from 'hono/client';
import type { AppType } from '../../bff/app';
import { BFF_URL } from './config';

/**
 * hc sends `form` bodies as multipart; OAuth endpoints take application/x-www-form-urlencoded
 * (RFC 6749 §3.2), so a form of plain strings is sent url-encoded.
 */
function urlEncodeForms(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    const body = init?.body;
    if (body instanceof FormData && [...body.values()].every((v) => typeof v === 'string')) {
      const encoded = new URLSearchParams([...body.entries()].map(([k, v]) => [k, String(v)]));
      return fetchImpl(input, { ...init, body: encoded });
    }
    return fetchImpl(input, init);
  };
}

export const createBffClient = (baseUrl: string = BFF_URL, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) =>
  hc<AppType>(baseUrl, { fetch: urlEncodeForms(fetchImpl) });

export type BffClient = ReturnType<typeof createBffClient>;
