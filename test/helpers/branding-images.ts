// Real image bytes for branding tests, made in the test with pngjs and jpeg-js, plus the bad files
// an upload must refuse (corrupt, truncated, a text file named .png, SVG, over-size).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

function pixels(width: number, height: number, seed: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  // Gradients: PNG's filters and JPEG's transform make them small, like a real logo.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x + seed) % 256;
      data[i + 1] = (y * 2 + seed) % 256;
      data[i + 2] = (seed * 59) % 256;
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A PNG of `width` x `height` (smooth pixels compress well; `noise` makes it big). */
export function pngBytes(width: number, height: number, options: { seed?: number; noise?: boolean } = {}): Buffer {
  const png = new PNG({ width, height });
  const seed = options.seed ?? 1;
  if (options.noise) {
    let s = seed;
    for (let i = 0; i < png.data.length; i++) png.data[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  } else pixels(width, height, seed).copy(png.data);
  return PNG.sync.write(png);
}

export function jpegBytes(width: number, height: number, options: { seed?: number; quality?: number } = {}): Buffer {
  return Buffer.from(jpeg.encode({ data: pixels(width, height, options.seed ?? 1), width, height }, options.quality ?? 85).data);
}

/** Valid header, garbage in the middle of the image data: image-size reads the size, a decoder fails. */
export function corrupt(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const from = Math.floor(out.length / 2);
  for (let i = from; i < Math.min(out.length - 4, from + 200); i++) out[i] = out[i]! ^ 0x5a;
  return out;
}

export const truncated = (bytes: Buffer, keep = 0.6): Buffer => Buffer.from(bytes.subarray(0, Math.floor(bytes.length * keep)));
export const disguisedText = (): Buffer => Buffer.from('This is a text file that calls itself logo.png.\n'.repeat(4));
export const svgBytes = (): Buffer =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><script>alert(document.cookie)</script><rect width="128" height="128"/></svg>');
