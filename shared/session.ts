import * as z from 'zod/mini';
import { userSummarySchema } from './common';

/** Strict: any other key (mass assignment of `role`, `user_id`…) is refused with 400. */
export const sessionRequestSchema = z.strictObject({
  email: z.email().check(z.maxLength(254, 'an e-mail address is at most 254 characters')),
  password: z.string().check(z.minLength(1, 'a password is required'), z.maxLength(1024, 'a password is at most 1024 characters')),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const sessionResponseSchema = z.object({
  session_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int().check(z.positive()),
  user: userSummarySchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
