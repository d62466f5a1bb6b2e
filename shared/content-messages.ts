// What the background tells a console tab's content script, parsed there on arrival. Its own module
// so that pages which never receive these (the popup) do not carry the branding preview's schemas.
import * as z from 'zod/mini';
import { idSchema } from './common';
import { brandingContentSchemas } from './branding-preview';

/** What the background tells a console tab's content script. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('switcher.open') }),
  z.strictObject({ type: z.literal('tab.changed') }),
  /** The tab's access to its customer has ended (grant expired or revoked): say so at once. */
  z.strictObject({ type: z.literal('access.ended'), tenantId: idSchema, message: z.string().check(z.maxLength(2000)) }),
  ...brandingContentSchemas,
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;
