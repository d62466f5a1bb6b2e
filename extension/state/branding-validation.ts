// The editor's checks, the same rules as the BFF's (seed 000's limits), so a person learns what is
// wrong while typing; the BFF checks again on publish and its answer wins when it disagrees.
// Images are judged by their bytes (image-size), never by file name; colours and contrast by culori.
import { imageSize } from 'image-size';
import { formatHex, parse, wcagContrast } from 'culori';

export type ImageField = 'logo' | 'favicon' | 'background_image';
export type Severity = 'error' | 'warning';
export interface Finding {
  severity: Severity;
  message: string;
}

/** Seed 000: PNG or JPG; under 10 KB recommended; logo 512 high, at most 512 wide; favicon square 128 x 128; background 1440 x 900 recommended. */
export const IMAGE_RULES = {
  logo: { label: 'Logo', maxWidth: 512, maxHeight: 512 },
  favicon: { label: 'Favicon', exact: 128 },
  background_image: { label: 'Background image', recommended: { width: 1440, height: 900 } },
} as const;
export const RECOMMENDED_BYTES = 10 * 1024;
/** No image above this reaches the BFF at all. */
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** WCAG 2.2 SC 1.4.3, normal text. */
export const MIN_CONTRAST = 4.5;

export interface ImageVerdict {
  ok: boolean;
  /** The type the bytes are, when they are an image at all. */
  contentType: 'image/png' | 'image/jpeg' | null;
  width: number | null;
  height: number | null;
  findings: Finding[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const refuse = (message: string, size: { width?: number; height?: number } = {}): ImageVerdict => ({
  ok: false,
  contentType: null,
  width: size.width ?? null,
  height: size.height ?? null,
  findings: [{ severity: 'error', message }],
});

/** Judges an image for a field by its content: type, dimensions, weight. */
export function checkImage(field: ImageField, fileName: string, bytes: Uint8Array): ImageVerdict {
  const label = IMAGE_RULES[field].label;
  if (bytes.byteLength === 0) return refuse(`${fileName} is empty.`);
  if (bytes.byteLength > MAX_IMAGE_BYTES) return refuse(`${fileName} is ${kb(bytes.byteLength)}; an image may be at most ${kb(MAX_IMAGE_BYTES)} (under ${kb(RECOMMENDED_BYTES)} is recommended).`);
  let detected: { type?: string; width?: number; height?: number };
  try {
    detected = imageSize(bytes);
  } catch {
    return refuse(`${fileName} is not a PNG or JPG image: its content is not an image, whatever its name says.`);
  }
  if (detected.type === 'svg') return refuse(`${fileName} is an SVG image: SVG is refused because it can carry script. Use PNG or JPG.`);
  if (detected.type !== 'png' && detected.type !== 'jpg') {
    return refuse(`${fileName} is a ${(detected.type ?? 'unknown').toUpperCase()} image; only PNG or JPG is accepted.`);
  }
  const width = detected.width ?? 0;
  const height = detected.height ?? 0;
  const contentType = detected.type === 'png' ? 'image/png' : 'image/jpeg';
  const findings: Finding[] = [];
  const rule = IMAGE_RULES[field];
  if ('exact' in rule && (width !== rule.exact || height !== rule.exact)) {
    findings.push({ severity: 'error', message: `${label} must be square, ${rule.exact} x ${rule.exact} px; ${fileName} is ${width} x ${height} px.` });
  }
  if ('maxWidth' in rule && (width > rule.maxWidth || height > rule.maxHeight)) {
    findings.push({ severity: 'error', message: `${label} may be at most ${rule.maxWidth} px high and ${rule.maxWidth} px wide; ${fileName} is ${width} x ${height} px.` });
  }
  if ('recommended' in rule && (width !== rule.recommended.width || height !== rule.recommended.height)) {
    const tiled = width < rule.recommended.width || height < rule.recommended.height ? ' Smaller images are tiled.' : '';
    findings.push({ severity: 'warning', message: `${label}: ${rule.recommended.width} x ${rule.recommended.height} px is recommended; ${fileName} is ${width} x ${height} px.${tiled}` });
  }
  if (bytes.byteLength > RECOMMENDED_BYTES) {
    findings.push({ severity: 'warning', message: `${label}: under ${kb(RECOMMENDED_BYTES)} is recommended; ${fileName} is ${kb(bytes.byteLength)}.` });
  }
  return { ok: !findings.some((f) => f.severity === 'error'), contentType, width, height, findings };
}

/** A colour as `#rrggbb`, or null when it is not a colour. */
export function normaliseColour(value: string): string | null {
  const text = value.trim();
  if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(text)) return null;
  const colour = parse(text);
  return colour ? formatHex(colour) : null;
}

export function checkColour(label: string, value: string): Finding[] {
  if (value.trim() === '') return [];
  return normaliseColour(value) ? [] : [{ severity: 'error', message: `${label}: "${value}" is not a colour; use #rrggbb, e.g. #1f2328.` }];
}

/** WCAG 2.2 contrast ratio of two colours, rounded down to two decimals (never flattering), or null. */
export function contrastRatio(text: string, background: string): number | null {
  const a = normaliseColour(text);
  const b = normaliseColour(background);
  if (!a || !b) return null;
  return Math.floor(wcagContrast(a, b) * 100) / 100;
}

export function checkContrast(text: string, background: string): Finding[] {
  const ratio = contrastRatio(text, background);
  if (ratio === null || ratio >= MIN_CONTRAST) return [];
  return [{ severity: 'warning', message: `Text colour on background colour has a contrast of ${ratio.toFixed(2)}:1; WCAG 2.2 asks for at least ${MIN_CONTRAST}:1.` }];
}

/** A well-formed https URL (empty means unset). */
export function checkHttpsUrl(label: string, value: string): Finding[] {
  const text = value.trim();
  if (text === '') return [];
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [{ severity: 'error', message: `${label}: "${text}" is not a URL; use https://…` }];
  }
  if (url.protocol !== 'https:') return [{ severity: 'error', message: `${label} must use https (it is ${url.protocol.replace(':', '')}).` }];
  if (url.username || url.password) return [{ severity: 'error', message: `${label} must not carry a user name or password.` }];
  return [];
}

export function checkText(label: string, value: string, max: number): Finding[] {
  return value.length > max ? [{ severity: 'error', message: `${label} may be at most ${max} characters (it has ${value.length}).` }] : [];
}
