// Reads a tenant's published branding and its images from the BFF as the confidential client
// `switchboard-console` (HTTP Basic): the login page is branded before anyone holds a token, and a
// customer token is meant for the console, not the BFF (docs/branding.md).
import { publishedBrandingSchema, type PublishedBranding } from '../shared/branding';

export interface BrandingSource {
  /** The tenant's published branding, or null (unknown tenant, BFF unreachable): the console's own look. */
  published(tenantId: string): Promise<PublishedBranding | null>;
  /** A published image's bytes and stored type, or null. */
  image(tenantId: string, imageId: string): Promise<{ bytes: ArrayBuffer; contentType: 'image/png' | 'image/jpeg' } | null>;
}

export interface BrandingSourceOptions {
  bffUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per request; a slow BFF must not hold a page longer than this. */
  timeoutMs?: number;
}

export function createBrandingSource(options: BrandingSourceOptions): BrandingSource {
  const base = options.bffUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;
  const get = async (path: string): Promise<Response | null> => {
    try {
      return await fetch(`${base}/v1/branding/${path}`, { headers: { authorization }, signal: AbortSignal.timeout(options.timeoutMs ?? 2000) });
    } catch (err) {
      console.warn(`console: branding not read from the BFF (${err instanceof Error ? err.message : err}); showing the default look`);
      return null;
    }
  };
  return {
    async published(tenantId) {
      const res = await get(`${encodeURIComponent(tenantId)}/published`);
      if (!res) return null;
      if (res.status !== 200) {
        if (res.status !== 404) console.warn(`console: the BFF answered ${res.status} for ${tenantId}'s branding; showing the default look`);
        await res.body?.cancel();
        return null;
      }
      const parsed = publishedBrandingSchema.safeParse(await res.json().catch(() => undefined));
      return parsed.success ? parsed.data : null;
    },
    async image(tenantId, imageId) {
      const res = await get(`${encodeURIComponent(tenantId)}/images/${encodeURIComponent(imageId)}`);
      if (!res) return null;
      const contentType = res.headers.get('content-type');
      if (res.status !== 200 || (contentType !== 'image/png' && contentType !== 'image/jpeg')) {
        await res.body?.cancel();
        return null;
      }
      return { bytes: await res.arrayBuffer(), contentType };
    },
  };
}
