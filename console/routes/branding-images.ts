// GET /branding/:tenantId/images/:imageId: a tenant's published image, fetched from the BFF and
// served from the console's own origin (its CSP allows images from 'self' and data: only), with
// the type the BFF stored and nosniff. Outside /t/ so it is cached: an image id never changes bytes.
import { Hono } from 'hono';
import { idSchema } from '../../shared/common';
import type { BrandingSource } from '../branding-source';

export function brandingImages(source: BrandingSource) {
  return new Hono().get('/:tenantId/images/:imageId', async (c) => {
    const { tenantId, imageId } = c.req.param();
    const image = idSchema.safeParse(tenantId).success && idSchema.safeParse(imageId).success ? await source.image(tenantId, imageId) : null;
    if (!image) return c.text('No such image.', 404);
    return c.body(image.bytes, 200, { 'Content-Type': image.contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=86400' });
  });
}
