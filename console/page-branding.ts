// What a console page shows of a tenant's published branding, with the console's own look for
// every field nobody set. Values are checked again here, so only hex colours and image paths built
// from validated ids ever reach the stylesheet.
import { createHash } from 'node:crypto';
import type { BrandingImage, PublishedBranding } from '../shared/branding';
import { idSchema } from '../shared/common';

export const DEFAULT_SITE_NAME = 'Contoso Monitor';
export const DEFAULT_LOGIN_HEADER = `Sign in to ${DEFAULT_SITE_NAME}`;
export const DEFAULT_COLOURS = { text: '#f0f4f8', background: '#102a43' } as const;

export interface PageBranding {
  /** The browser tab's site part (seed 000: website title). */
  siteTitle: string;
  /** The header's name (seed 004: the company name, else the website title). */
  siteName: string;
  faviconUrl: string | null;
  logoUrl: string | null;
  docsUrl: string | null;
  companyName: string | null;
  portalUrl: string | null;
  loginHeader: string;
  loginSubheader: string;
  textColour: string;
  backgroundColour: string;
  backgroundImageUrl: string | null;
  revision: string;
}

const HEX = /^#[0-9a-f]{6}$/;
const colour = (value: string | null, fallback: string) => (value && HEX.test(value) ? value : fallback);
const httpsUrl = (value: string | null) => (value && /^https:\/\//.test(value) ? value : null);

/** The console's own path that proxies a tenant's published image. */
export function brandingImagePath(tenantId: string, image: BrandingImage | null): string | null {
  if (!image || !idSchema.safeParse(tenantId).success || !idSchema.safeParse(image.id).success) return null;
  return `/branding/${tenantId}/images/${image.id}`;
}

/**
 * A short tag that changes with every publish along the tenant's chain. Hashed, since the BFF's
 * revision names the tenant's partner; 'none' when nothing is published, so a tenant without
 * branding looks exactly like an unknown one.
 */
function revisionOf(published: PublishedBranding | null): string {
  if (!published || Object.values(published.values).every((v) => v === null)) return 'none';
  return createHash('sha256').update(published.revision).digest('hex').slice(0, 16);
}

export function pageBranding(tenantId: string | undefined, published: PublishedBranding | null): PageBranding {
  const v = published?.values;
  const image = (img: BrandingImage | null | undefined) => (tenantId && img ? brandingImagePath(tenantId, img) : null);
  const siteTitle = v?.website_title ?? v?.company_name ?? DEFAULT_SITE_NAME;
  return {
    siteTitle,
    siteName: v?.company_name ?? v?.website_title ?? DEFAULT_SITE_NAME,
    faviconUrl: image(v?.favicon),
    logoUrl: image(v?.logo),
    docsUrl: httpsUrl(v?.documentation_url ?? null),
    companyName: v?.company_name ?? null,
    portalUrl: httpsUrl(v?.portal_url ?? null),
    loginHeader: v?.login_header ?? (v?.website_title ? `Sign in to ${v.website_title}` : DEFAULT_LOGIN_HEADER),
    loginSubheader: v?.login_subheader ?? '',
    textColour: colour(v?.text_colour ?? null, DEFAULT_COLOURS.text),
    backgroundColour: colour(v?.background_colour ?? null, DEFAULT_COLOURS.background),
    backgroundImageUrl: image(v?.background_image),
    revision: revisionOf(published),
  };
}

export const DEFAULT_BRANDING = pageBranding(undefined, null);
