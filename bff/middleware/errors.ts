// The JSON error envelope of /v1 (shared/errors.ts) and the handlers that make every failure use it.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import { asDatabaseBusy, DatabaseUnavailableError } from '../db/busy-retry';

export function errorBody(code: ErrorCode, message: string, details?: ErrorBody['error']['details']): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}

/** Throw from anywhere in a /v1 handler to answer with the envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const codeForStatus = (status: number): ErrorCode =>
  status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 409 ? 'conflict' : status === 429 ? 'rate_limited' : status === 503 ? 'unavailable' : status >= 500 ? 'internal_error' : 'invalid_request';

export const onError: ErrorHandler = (err, c: Context) => {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    return c.json(errorBody(err.code, err.message), err.status);
  }
  const busy = asDatabaseBusy(err);
  if (busy) {
    // Other instances kept the database's write lock past the retry budget, or the database cannot
    // be reached or written (disk full, file read-only or missing): a moment later will do.
    if (busy instanceof DatabaseUnavailableError) logUnavailable(busy);
    c.header('Retry-After', String(busy.retryAfterSeconds));
    const message = busy instanceof DatabaseUnavailableError ? 'the database is unavailable; retry shortly, nothing was changed' : 'the service is busy; retry shortly';
    return c.json(errorBody('unavailable', message), 503);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(codeForStatus(status), err.message || 'request rejected'), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json(errorBody('internal_error', 'internal error; the failure was logged'), 500);
};

let lastLogged = 0;
/** One line per 10 s at most: an outage is worth a log line, not one per request. */
export function logUnavailable(err: DatabaseUnavailableError) {
  if (Date.now() - lastLogged < 10_000) return;
  lastLogged = Date.now();
  console.error(`database unavailable: ${err.message}`);
}

export const notFound: NotFoundHandler = (c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404);
