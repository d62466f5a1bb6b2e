import { formatHex, parse, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { brandingChanges, checkContrast, checkImage, checkTextInput, effectiveBranding, emptyBrandingValues, type ColourTools } from './branding-rules';
import type { BrandingImage } from './branding';

const tools: ColourTools = {
  toHex: (css) => {
    const c = parse(css);
    return c ? formatHex(c) : undefined;
  },
  contrast: (a, b) => wcagContrast(a, b),
};
const codes = (issues: { code: string; severity: string }[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe('text fields', () => {
  it('trims, treats empty as inherit, makes colours #rrggbb and keeps https URLs', () => {
    const { text, issues } = checkTextInput(
      { website_title: '  Acme Monitor ', login_header: '', text_colour: 'RebeccaPurple', background_colour: '#FFF', documentation_url: 'https://docs.acme.example/help' },
      tools,
    );
    expect(issues).toEqual([]);
    expect(text).toMatchObject({ website_title: 'Acme Monitor', login_header: null, text_colour: '#663399', background_colour: '#ffffff', documentation_url: 'https://docs.acme.example/help', portal_url: null });
  });

  it('refuses http, relative, credentialed and malformed URLs, bad colours, control characters and long titles', () => {
    const { issues } = checkTextInput(
      {
        documentation_url: 'http://docs.acme.example',
        portal_url: 'https://user:pw@portal.acme.example',
        text_colour: 'not-a-colour',
        background_colour: 'red; } body { display:none',
        login_header: 'two\nlines',
        website_title: 'x'.repeat(101),
      },
      tools,
    );
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['website_title', 'too_long'],
      ['documentation_url', 'not_https_url'],
      ['login_header', 'control_characters'],
      ['text_colour', 'invalid_colour'],
      ['background_colour', 'invalid_colour'],
      ['portal_url', 'url_credentials'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
    expect(checkTextInput({ documentation_url: 'https://' }, tools).issues[0]?.message).toBe('Documentation URL must be a well-formed https URL, such as https://docs.example.com');
  });
});

describe('images', () => {
  it('refuses SVG, other types and non-images by content, and over-size files', () => {
    expect(codes(checkImage('logo', { type: 'svg', width: 10, height: 10, bytes: 100 }))).toEqual(['error:svg_refused']);
    expect(checkImage('logo', { type: 'gif', width: 10, height: 10, bytes: 100 })[0]?.message).toContain('PNG or JPEG only');
    expect(checkImage('logo', { type: undefined, bytes: 100 })[0]?.message).toContain('this file is not an image');
    expect(codes(checkImage('background_image', { type: 'png', width: 1440, height: 900, bytes: 2 * 1024 * 1024 }))).toEqual(['error:image_too_large']);
    expect(codes(checkImage('favicon', { type: 'png', width: 128, height: 128, bytes: 500, decoded: false }))).toEqual(['error:image_corrupt']);
    expect(codes(checkImage('background_image', { type: 'png', width: 5000, height: 10, bytes: 500 }))).toEqual(['error:image_dimensions']);
  });

  it('applies seed 000: favicon exactly 128 x 128, logo at most 512 x 512 with 512 high and under 10 KB recommended', () => {
    expect(codes(checkImage('favicon', { type: 'png', width: 128, height: 128, bytes: 900, decoded: true }))).toEqual([]);
    expect(codes(checkImage('favicon', { type: 'jpg', width: 128, height: 127, bytes: 900 }))).toEqual(['error:favicon_size']);
    expect(codes(checkImage('favicon', { type: 'png', width: 128, height: 128, bytes: 20_000 }))).toEqual(['warning:image_recommended_bytes']);
    expect(codes(checkImage('logo', { type: 'png', width: 400, height: 512, bytes: 9_000 }))).toEqual([]);
    expect(codes(checkImage('logo', { type: 'png', width: 513, height: 512, bytes: 9_000 }))).toEqual(['error:logo_size']);
    expect(codes(checkImage('logo', { type: 'jpg', width: 200, height: 100, bytes: 11_000 }))).toEqual(['warning:logo_recommended_size', 'warning:image_recommended_bytes']);
  });

  it('advises on the background image size', () => {
    expect(codes(checkImage('background_image', { type: 'jpg', width: 1440, height: 900, bytes: 90_000 }))).toEqual([]);
    expect(checkImage('background_image', { type: 'png', width: 128, height: 128, bytes: 900 })[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('tiled') });
  });
});

describe('contrast', () => {
  it('computes the WCAG ratio and warns below 4.5:1', () => {
    expect(checkContrast({ text_colour: '#000000', background_colour: '#ffffff' }, tools)).toEqual({
      contrast: { text_colour: '#000000', background_colour: '#ffffff', ratio: 21, minimum: 4.5, meets_minimum: true },
      issues: [],
    });
    const low = checkContrast({ text_colour: '#777777', background_colour: '#ffffff' }, tools);
    expect(low.contrast?.ratio).toBe(4.48);
    expect(low.issues).toEqual([expect.objectContaining({ field: 'text_colour', severity: 'warning', code: 'low_contrast', contrast_ratio: 4.48, message: expect.stringContaining('4.48:1') })]);
    expect(checkContrast({ text_colour: '#777777', background_colour: null }, tools)).toEqual({ contrast: null, issues: [] });
  });
});

describe('inheritance and changes', () => {
  const image = (id: string): BrandingImage => ({ id, field: 'logo', content_type: 'image/png', width: 1, height: 1, bytes: 1, sha256: id, url: `/x/${id}` });
  const partner = { tenant: { id: 't_contoso', name: 'Contoso' }, values: { ...emptyBrandingValues(), website_title: 'Contoso', text_colour: '#111111', logo: image('a') } };
  const client = { tenant: { id: 't_acme', name: 'Acme' }, values: { ...emptyBrandingValues(), website_title: 'Acme' } };

  it('takes each field from the last layer that sets it', () => {
    const { values, sources } = effectiveBranding([{ tenant: { id: 't_sp', name: 'SP' }, values: null }, partner, client]);
    expect(values).toMatchObject({ website_title: 'Acme', text_colour: '#111111', logo: image('a'), favicon: null });
    expect(sources).toMatchObject({ website_title: { id: 't_acme' }, text_colour: { id: 't_contoso' }, favicon: null });
  });

  it('lists changed fields in order, images compared by id', () => {
    const before = effectiveBranding([partner]).values;
    const after = effectiveBranding([partner, { ...client, values: { ...client.values, logo: image('b') } }]).values;
    expect(brandingChanges(before, after).map((c) => [c.field, c.label, c.old && typeof c.old === 'object' ? c.old.id : c.old, c.new && typeof c.new === 'object' ? c.new.id : c.new])).toEqual([
      ['website_title', 'Website title', 'Contoso', 'Acme'],
      ['logo', 'Logo', 'a', 'b'],
    ]);
    expect(brandingChanges(before, { ...before, logo: image('a') })).toEqual([]);
  });
});
