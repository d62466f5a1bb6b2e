// The BFF's eyes on uploaded bytes and typed colours, feeding the shared rules: image-size sniffs
// type and dimensions from the content, pngjs / jpeg-js then decode the whole image so a corrupt
// or truncated file is caught; culori parses colours and computes WCAG contrast.
import { createHash } from 'node:crypto';
import { formatHex, parse, wcagContrast } from 'culori';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { BRANDING_LIMITS } from '../../shared/branding';
import type { ColourTools, ImageFacts } from '../../shared/branding-rules';

export const colourTools: ColourTools = {
  toHex: (css) => {
    const colour = parse(css);
    return colour ? formatHex(colour) : undefined;
  },
  contrast: (a, b) => wcagContrast(a, b),
};

function decodes(type: string, bytes: Uint8Array, width: number, height: number): boolean {
  try {
    const decoded =
      type === 'png'
        ? PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
        : jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false, maxResolutionInMP: 17, maxMemoryUsageInMB: 256 });
    return decoded.width === width && decoded.height === height;
  } catch {
    return false;
  }
}

/** Facts about an upload for `checkImage`. Decodes only PNG and JPEG within the size caps, so no file makes it allocate more than the caps allow. */
export function inspectImage(bytes: Uint8Array): ImageFacts & { sha256: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.byteLength > BRANDING_LIMITS.imageMaxBytes) return { type: undefined, bytes: bytes.byteLength, sha256 };
  let sniffed: { type?: string; width?: number; height?: number };
  try {
    sniffed = imageSize(bytes);
  } catch {
    return { type: undefined, bytes: bytes.byteLength, sha256 };
  }
  const { type, width, height } = sniffed;
  const facts = { type, width, height, bytes: bytes.byteLength, sha256 };
  const decodable = (type === 'png' || type === 'jpg') && width && height;
  if (!decodable || width > BRANDING_LIMITS.imageMaxSide || height > BRANDING_LIMITS.imageMaxSide) return facts;
  return { ...facts, decoded: decodes(type, bytes, width, height) };
}
