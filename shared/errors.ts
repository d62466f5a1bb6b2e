import * as z from 'zod/mini';

/** Error codes of the JSON API (the OAuth endpoints answer RFC 6749 errors instead). */
export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal_error',
  /** 503 with Retry-After: the database stayed busy; try again shortly. */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every non-2xx JSON answer of /v1: `{ "error": { "code", "message" } }`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
