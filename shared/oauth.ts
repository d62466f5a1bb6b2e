import * as z from 'zod/mini';

// RFC 8693 token exchange: the wire contract of POST /oauth/token, /oauth/introspect and /oauth/revoke.
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
export const TOKEN_TYPES = [ACCESS_TOKEN_TYPE, JWT_TOKEN_TYPE] as const;

/** RFC 6749 §5.2 and RFC 8693 §2.2.2 error codes, plus 429's. */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'unsupported_token_type',
  'temporarily_unavailable',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

export const oauthErrorSchema = z.object({ error: z.enum(OAUTH_ERROR_CODES), error_description: z.optional(z.string()) });
export type OAuthError = z.infer<typeof oauthErrorSchema>;

export const tokenExchangeResponseSchema = z.object({
  access_token: z.string(),
  issued_token_type: z.literal(ACCESS_TOKEN_TYPE),
  token_type: z.literal('Bearer'),
  expires_in: z.int().check(z.positive()),
  scope: z.string(),
});
export type TokenExchangeResponse = z.infer<typeof tokenExchangeResponseSchema>;
