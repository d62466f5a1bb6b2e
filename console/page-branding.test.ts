import { describe, expect, it } from 'vitest';
import type { BrandingImage, PublishedBranding } from '../shared/branding';
import { emptyBrandingValues } from '../shared/branding-rules';
import { DEFAULT_BRANDING, DEFAULT_COLOURS, pageBranding } from './page-branding';

const image = (id: string): BrandingImage => ({ id, field: 'logo', content_type: 'image/png', width: 1, height: 1, bytes: 1, sha256: 'x', url: `/v1/branding/t_acme/images/${id}` });
const published = (values: Partial<PublishedBranding['values']>): PublishedBranding => ({ tenant_id: 't_acme', values: { ...emptyBrandingValues(), ...values }, revision: 't_acme@1' });

describe('pageBranding', () => {
  it("falls back to the console's own look field by field", () => {
    const brand = pageBranding('t_acme', published({ website_title: 'Acme' }));
    expect(brand).toMatchObject({ siteTitle: 'Acme', siteName: 'Acme', loginHeader: 'Sign in to Acme', textColour: DEFAULT_COLOURS.text, logoUrl: null });
    expect(pageBranding('t_acme', published({}))).toEqual(DEFAULT_BRANDING);
    expect(pageBranding('t_acme', null)).toEqual(DEFAULT_BRANDING);
  });

  it('lets only hex colours, https links and id-only image paths through, whatever the BFF sent', () => {
    const brand = pageBranding(
      't_acme',
      published({ text_colour: 'red; } body { display: none', background_colour: '#ABCDEF', documentation_url: 'javascript:alert(1)', portal_url: 'http://x.example', logo: image('bad") ; x: url("evil'), favicon: image('f_1') }),
    );
    expect([brand.textColour, brand.backgroundColour, brand.docsUrl, brand.portalUrl, brand.logoUrl, brand.faviconUrl]).toEqual([DEFAULT_COLOURS.text, DEFAULT_COLOURS.background, null, null, null, '/branding/t_acme/images/f_1']);
  });
});
