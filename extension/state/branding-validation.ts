// The editor's checks are the BFF's own (shared/branding-rules.ts), so both say the same thing about
// the same value; this file gives those rules what they need from libraries: image facts sniffed
// from the bytes with image-size (never the file name), and colours and WCAG contrast from culori.
// The BFF checks again on upload and publish (it also decodes fully) and its answer wins.
import { imageSize } from 'image-size';
import { formatHex, parse, wcagContrast } from 'culori';
import { checkImage, type ColourTools, type ImageFacts } from '../../shared/branding-rules';
import type { BrandingImageField, BrandingIssue } from '../../shared/branding';

export const colourTools: ColourTools = {
  toHex(css) {
    const colour = parse(css);
    return colour ? formatHex(colour).toLowerCase() : undefined;
  },
  contrast: (a, b) => wcagContrast(a, b),
};

/** What the bytes are (type and size), whatever the file is called. */
export function sniffImage(bytes: Uint8Array): ImageFacts {
  try {
    const found = imageSize(bytes);
    return { type: found.type, width: found.width, height: found.height, bytes: bytes.byteLength };
  } catch {
    return { type: undefined, bytes: bytes.byteLength };
  }
}

export interface ImageVerdict {
  ok: boolean;
  facts: ImageFacts;
  issues: BrandingIssue[];
}

/** Seed 000's rules for a dropped file: errors refuse it before it leaves the editor, warnings advise. */
export function checkDroppedImage(field: BrandingImageField, bytes: Uint8Array): ImageVerdict {
  const facts = sniffImage(bytes);
  const issues = bytes.byteLength === 0 ? [{ field, severity: 'error' as const, code: 'image_empty', message: 'The file is empty' }] : checkImage(field, facts);
  return { ok: !issues.some((i) => i.severity === 'error'), facts, issues };
}
