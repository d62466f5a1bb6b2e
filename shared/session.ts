import { z } from 'zod';
import { userSummarySchema } from './common';

/** Strict: any other key (mass assignment of `role`, `user_id`…) is refused with 400. */
export const sessionRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const sessionResponseSchema = z.object({
  session_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  user: userSummarySchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
