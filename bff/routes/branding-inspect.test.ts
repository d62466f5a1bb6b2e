import { describe, expect, it } from 'vitest';
import { checkImage } from '../../shared/branding-rules';
import { corrupt, disguisedText, jpegBytes, pngBytes, svgBytes, truncated } from '../../test/helpers/branding-images';
import { colourTools, inspectImage } from './branding-inspect';

const codes = (field: 'logo' | 'favicon' | 'background_image', bytes: Uint8Array) => checkImage(field, inspectImage(bytes)).map((i) => `${i.severity}:${i.code}`);

describe('inspectImage: type and size by content, then a full decode', () => {
  it('reads real PNG and JPEG bytes and decodes them', () => {
    expect(inspectImage(pngBytes(128, 128))).toMatchObject({ type: 'png', width: 128, height: 128, decoded: true });
    expect(inspectImage(jpegBytes(300, 512))).toMatchObject({ type: 'jpg', width: 300, height: 512, decoded: true });
    expect(inspectImage(pngBytes(2, 2)).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(codes('favicon', pngBytes(128, 128))).toEqual([]);
    expect(codes('logo', pngBytes(40, 512))).toEqual([]);
    // Seed 000 recommends under 10 KB: a heavier logo is allowed with a warning.
    expect(codes('logo', jpegBytes(400, 512))).toEqual(['warning:image_recommended_bytes']);
  });

  it('refuses corrupt and truncated PNG and JPEG files whose header still reads well', () => {
    for (const bytes of [corrupt(pngBytes(128, 128)), truncated(pngBytes(128, 128)), corrupt(jpegBytes(128, 128)), truncated(jpegBytes(128, 128), 0.9)]) {
      const facts = inspectImage(bytes);
      expect(facts).toMatchObject({ width: 128, height: 128, decoded: false });
      expect(codes('favicon', bytes)).toEqual(['error:image_corrupt']);
    }
  });

  it('refuses a text file named .png, an SVG and a file cut before its size', () => {
    expect(inspectImage(disguisedText()).type).toBeUndefined();
    expect(checkImage('logo', inspectImage(disguisedText()))[0]?.message).toBe('Logo: PNG or JPEG only, checked by content (not by file name); this file is not an image');
    expect(codes('logo', svgBytes())).toEqual(['error:svg_refused']);
    expect(codes('logo', pngBytes(64, 64).subarray(0, 12))).toEqual(['error:image_type']);
  });

  it('refuses over-size files and dimensions without decoding them', () => {
    const big = pngBytes(700, 700, { noise: true });
    expect(big.byteLength).toBeGreaterThan(1024 * 1024);
    expect([inspectImage(big).type, inspectImage(big).decoded]).toEqual([undefined, undefined]);
    expect(codes('background_image', big)).toEqual(['error:image_too_large']);
    // A small PNG whose header claims 30,000 x 30,000 px is never decoded.
    const claims = Buffer.from(pngBytes(16, 16));
    claims.writeUInt32BE(30_000, 16);
    claims.writeUInt32BE(30_000, 20);
    expect(inspectImage(claims)).toMatchObject({ width: 30_000, height: 30_000 });
    expect(inspectImage(claims).decoded).toBeUndefined();
    expect(codes('background_image', claims)).toEqual(['error:image_dimensions']);
    expect(codes('logo', pngBytes(600, 512))).toEqual(['error:logo_size']);
    expect(codes('favicon', jpegBytes(64, 64))).toEqual(['error:favicon_size']);
  });
});

describe('colourTools (culori)', () => {
  it('normalises any CSS colour to #rrggbb and computes WCAG contrast', () => {
    expect(colourTools.toHex('hsl(0 100% 50%)')).toBe('#ff0000');
    expect(colourTools.toHex('url(javascript:alert(1))')).toBeUndefined();
    expect(colourTools.contrast('#000000', '#ffffff')).toBeCloseTo(21);
  });
});
