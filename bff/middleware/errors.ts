// The JSON error envelope of /v1 (shared/errors.ts) and the handlers that make every failure use it.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import { DatabaseBusyError } from '../db/busy-retry';

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
  if (err instanceof DatabaseBusyError) {
    // Other instances kept the database's write lock past the retry budget: a moment later will do.
    c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody('unavailable', 'the service is busy; retry shortly'), 503);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(codeForStatus(status), err.message || 'request rejected'), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json(errorBody('internal_error', 'internal error; the failure was logged'), 500);
};

export const notFound: NotFoundHandler = (c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404);
