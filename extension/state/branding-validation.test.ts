import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { checkColour, checkContrast, checkHttpsUrl, checkImage, contrastRatio, normaliseColour } from './branding-validation';

const png = (width: number, height: number) => {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return new Uint8Array(PNG.sync.write(image));
};
const jpg = (width: number, height: number) =>
  new Uint8Array(jpeg.encode({ data: Buffer.alloc(width * height * 4, 120), width, height }, 80).data);
const text = (s: string) => new TextEncoder().encode(s);

describe('checkImage', () => {
  it('accepts a real 128 x 128 PNG favicon and a JPG logo, reporting what the bytes are', () => {
    expect(checkImage('favicon', 'f.png', png(128, 128))).toMatchObject({ ok: true, contentType: 'image/png', width: 128, height: 128, findings: [] });
    expect(checkImage('logo', 'l.jpg', jpg(300, 120))).toMatchObject({ ok: true, contentType: 'image/jpeg', width: 300, height: 120 });
  });

  it('refuses a text file named .png, whatever its name', () => {
    const verdict = checkImage('logo', 'logo.png', text('hello, I am not a picture'));
    expect(verdict.ok).toBe(false);
    expect(verdict.findings[0]!.message).toBe('logo.png is not a PNG or JPG image: its content is not an image, whatever its name says.');
  });

  it('refuses SVG because it can carry script, even named .png', () => {
    const verdict = checkImage('logo', 'logo.png', text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'));
    expect(verdict).toMatchObject({ ok: false, findings: [{ severity: 'error', message: expect.stringContaining('SVG is refused because it can carry script') }] });
  });

  it('refuses a favicon that is not square 128 x 128, and an over-size logo, with the dimensions found', () => {
    expect(checkImage('favicon', 'f.png', png(128, 64)).findings).toEqual([{ severity: 'error', message: 'Favicon must be square, 128 x 128 px; f.png is 128 x 64 px.' }]);
    const big = checkImage('logo', 'big.png', png(600, 200));
    expect(big.ok).toBe(false);
    expect(big.findings[0]!.message).toContain('big.png is 600 x 200 px');
    expect(checkImage('logo', 'max.png', png(512, 512)).ok).toBe(true);
  });

  it('warns, without refusing, about weight over 10 KB and a background image other than 1440 x 900', () => {
    const noisy = new PNG({ width: 100, height: 100 });
    let seed = 1;
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24; // incompressible noise
    const heavy = checkImage('logo', 'heavy.png', new Uint8Array(PNG.sync.write(noisy)));
    expect(heavy.ok).toBe(true);
    expect(heavy.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(heavy.findings[0]!.message).toMatch(/^Logo: under 10.0 KB is recommended; heavy.png is \d+\.\d KB\.$/);
    const small = checkImage('background_image', 'bg.png', png(128, 128));
    expect(small).toMatchObject({ ok: true, findings: [{ severity: 'warning', message: 'Background image: 1440 x 900 px is recommended; bg.png is 128 x 128 px. Smaller images are tiled.' }] });
  });

  it('refuses an empty file and one above the hard limit', () => {
    expect(checkImage('logo', 'e.png', new Uint8Array()).ok).toBe(false);
    const huge = new Uint8Array(1024 * 1024 + 1);
    huge.set(png(10, 10));
    expect(checkImage('logo', 'huge.png', huge).findings[0]!.message).toMatch(/^huge.png is 1024.0 KB; an image may be at most 1024.0 KB/);
  });
});

describe('colours and contrast', () => {
  it('normalises hex colours and refuses anything else', () => {
    expect(normaliseColour('#ABC')).toBe('#aabbcc');
    expect(normaliseColour(' #1F2328 ')).toBe('#1f2328');
    expect(normaliseColour('red')).toBeNull();
    expect(normaliseColour('#12345')).toBeNull();
    expect(checkColour('Text colour', 'blue-ish')).toEqual([{ severity: 'error', message: 'Text colour: "blue-ish" is not a colour; use #rrggbb, e.g. #1f2328.' }]);
    expect(checkColour('Text colour', '')).toEqual([]);
  });

  it('computes the WCAG ratio and warns below 4.5:1 with the ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBe(4.47);
    expect(checkContrast('#767676', '#ffffff')).toEqual([]);
    expect(checkContrast('#777777', '#ffffff')).toEqual([
      { severity: 'warning', message: 'Text colour on background colour has a contrast of 4.47:1; WCAG 2.2 asks for at least 4.5:1.' },
    ]);
    expect(checkContrast('nope', '#ffffff')).toEqual([]);
  });
});

describe('checkHttpsUrl', () => {
  it('takes well-formed https URLs only', () => {
    expect(checkHttpsUrl('Documentation URL', 'https://docs.acme.example/help')).toEqual([]);
    expect(checkHttpsUrl('Documentation URL', '')).toEqual([]);
    expect(checkHttpsUrl('Documentation URL', 'http://docs.acme.example')[0]!.message).toBe('Documentation URL must use https (it is http).');
    expect(checkHttpsUrl('Documentation URL', 'javascript:alert(1)')[0]!.message).toBe('Documentation URL must use https (it is javascript).');
    expect(checkHttpsUrl('Documentation URL', 'docs')[0]!.message).toContain('is not a URL');
    expect(checkHttpsUrl('Custom URL', 'https://u:p@x.example')[0]!.message).toContain('user name or password');
  });
});
