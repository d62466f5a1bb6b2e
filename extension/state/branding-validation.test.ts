import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { checkContrast, checkTextField } from '../../shared/branding-rules';
import { checkDroppedImage, colourTools, sniffImage } from './branding-validation';

const png = (width: number, height: number) => {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
};
const jpg = (width: number, height: number) => new Uint8Array(jpeg.encode({ data: Buffer.alloc(width * height * 4, 120), width, height }, 80).data);
const text = (s: string) => new TextEncoder().encode(s);
const codes = (v: ReturnType<typeof checkDroppedImage>) => v.issues.map((i) => `${i.severity}:${i.code}`);

describe('a dropped image, judged by its bytes with the BFF’s rules', () => {
  it('takes a real 128 x 128 PNG favicon and a 512-high JPEG logo', () => {
    expect(checkDroppedImage('favicon', png(128, 128))).toMatchObject({ ok: true, facts: { type: 'png', width: 128, height: 128 }, issues: [] });
    expect(checkDroppedImage('logo', jpg(300, 512))).toMatchObject({ ok: true, facts: { type: 'jpg', width: 300, height: 512 } });
  });

  it('refuses a text file whatever its name, and SVG because it can carry script', () => {
    const disguised = checkDroppedImage('logo', text('hello, I am not a picture'));
    expect(disguised.ok).toBe(false);
    expect(disguised.issues[0]!.message).toBe('Logo: PNG or JPEG only, checked by content (not by file name); this file is not an image');
    const svg = checkDroppedImage('logo', text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'));
    expect(codes(svg)).toEqual(['error:svg_refused']);
    expect(svg.issues[0]!.message).toContain('SVG is refused because an SVG can carry script');
  });

  it('refuses a favicon that is not 128 x 128 and a logo over 512 px, saying the size found', () => {
    expect(checkDroppedImage('favicon', png(128, 64)).issues[0]!.message).toBe('Favicon: must be square, 128 x 128 px; this one is 128 x 64 px');
    const big = checkDroppedImage('logo', png(600, 200));
    expect(big.ok).toBe(false);
    expect(big.issues[0]!.message).toContain('600 x 200 px is too large');
  });

  it('advises, without refusing, on a heavy logo and a small background image', () => {
    const noisy = new PNG({ width: 100, height: 100 });
    let seed = 1;
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24; // incompressible noise
    const heavy = checkDroppedImage('logo', new Uint8Array(PNG.sync.write(noisy)));
    expect(heavy.ok).toBe(true);
    expect(codes(heavy)).toEqual(['warning:logo_recommended_size', 'warning:image_recommended_bytes']);
    expect(codes(checkDroppedImage('background_image', png(128, 128)))).toEqual(['warning:background_size']);
  });

  it('refuses an empty file and one over the hard cap before sniffing it', () => {
    expect(checkDroppedImage('logo', new Uint8Array()).ok).toBe(false);
    const huge = new Uint8Array(1024 * 1024 + 1);
    huge.set(png(10, 10));
    expect(codes(checkDroppedImage('logo', huge))).toEqual(['error:image_too_large']);
    expect(sniffImage(huge)).toMatchObject({ type: 'png', width: 10 });
  });
});

describe('colours with culori', () => {
  it('makes typed colours #rrggbb and computes the WCAG 2.2 ratio the BFF computes', () => {
    expect(checkTextField('text_colour', '#ABC', colourTools).value).toBe('#aabbcc');
    expect(checkTextField('text_colour', 'rebeccapurple', colourTools).value).toBe('#663399');
    expect(checkTextField('text_colour', 'blue-ish', colourTools).issues[0]!.code).toBe('invalid_colour');
    expect(checkContrast({ text_colour: '#000000', background_colour: '#ffffff' }, colourTools).contrast?.ratio).toBe(21);
    const low = checkContrast({ text_colour: '#777777', background_colour: '#ffffff' }, colourTools);
    expect(low.contrast).toMatchObject({ ratio: 4.48, meets_minimum: false });
    expect(low.issues[0]).toMatchObject({ code: 'low_contrast', contrast_ratio: 4.48 });
  });
});
