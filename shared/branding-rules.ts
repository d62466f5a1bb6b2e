// Branding rules shared by the BFF and the extension's editor, so both say the same thing about
// the same value. Pure: libraries come in as parameters (`ColourTools`), images as sniffed facts.
import * as z from 'zod/mini';
import {
  BRANDING_FIELDS,
  BRANDING_FIELD_LABELS,
  BRANDING_IMAGE_FIELDS,
  BRANDING_LIMITS,
  type BrandingChange,
  type BrandingContrast,
  type BrandingField,
  type BrandingImageField,
  type BrandingImageType,
  type BrandingInput,
  type BrandingIssue,
  type BrandingReport,
  type BrandingTextField,
  type BrandingValues,
  type EffectiveBranding,
} from './branding';

/** What the colour rules need from a colour library (culori: `formatHex(parse(css))`, `wcagContrast`). */
export interface ColourTools {
  /** Lowercase `#rrggbb` of a CSS colour, or undefined when the text is not a colour. */
  toHex(css: string): string | undefined;
  /** WCAG 2.x contrast ratio of two colours, 1 to 21. */
  contrast(a: string, b: string): number;
}

/** What was learnt from an image's bytes (image-size for type and size, a full decode in the BFF). */
export interface ImageFacts {
  /** image-size's type ('png', 'jpg', 'svg', 'gif', …), or undefined when the content is no image it knows. */
  type: string | undefined;
  width?: number;
  height?: number;
  bytes: number;
  /** False when a full decode failed (corrupt or truncated); undefined when not decoded (the editor). */
  decoded?: boolean;
}

const TEXT_LIMITS: Partial<Record<BrandingTextField, number>> = BRANDING_LIMITS.text;
const URL_FIELDS: readonly BrandingTextField[] = ['documentation_url', 'portal_url'];
const COLOUR_FIELDS: readonly BrandingTextField[] = ['text_colour', 'background_colour'];
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
// C0 and C1 controls (newlines included): every text field is a single line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const issue = (field: BrandingField, severity: BrandingIssue['severity'], code: string, message: string): BrandingIssue => ({ field, severity, code, message });

export function emptyBrandingValues(): BrandingValues {
  return Object.fromEntries(BRANDING_FIELDS.map((f) => [f, null])) as BrandingValues;
}

/** One text field as typed: trimmed (empty means inherit), checked, colours made `#rrggbb`. */
export function checkTextField(field: BrandingTextField, raw: string | null | undefined, tools: ColourTools): { value: string | null; issues: BrandingIssue[] } {
  const label = BRANDING_FIELD_LABELS[field];
  const value = raw?.trim() ?? '';
  if (!value) return { value: null, issues: [] };
  if (CONTROL.test(value)) return { value: null, issues: [issue(field, 'error', 'control_characters', `${label} must be one line of text without control characters`)] };
  if (URL_FIELDS.includes(field)) {
    if (value.length > BRANDING_LIMITS.urlLength) return { value: null, issues: [issue(field, 'error', 'too_long', `${label} is longer than ${BRANDING_LIMITS.urlLength} characters`)] };
    if (!httpsUrl.safeParse(value).success) {
      return { value: null, issues: [issue(field, 'error', 'not_https_url', `${label} must be a well-formed https URL, such as https://docs.example.com`)] };
    }
    const url = new URL(value);
    if (url.username || url.password) return { value: null, issues: [issue(field, 'error', 'url_credentials', `${label} must not carry a user name or password`)] };
    return { value: url.href, issues: [] };
  }
  if (COLOUR_FIELDS.includes(field)) {
    const hex = value.length <= BRANDING_LIMITS.colourLength ? tools.toHex(value) : undefined;
    if (!hex) return { value: null, issues: [issue(field, 'error', 'invalid_colour', `${label} "${value.slice(0, 40)}" is not a colour: use #rrggbb or a CSS colour name`)] };
    return { value: hex, issues: [] };
  }
  const max = TEXT_LIMITS[field] ?? 100;
  if ([...value].length > max) return { value: null, issues: [issue(field, 'error', 'too_long', `${label} is longer than ${max} characters`)] };
  return { value, issues: [] };
}

/** Every text field of an editor's input, checked; images are left to `checkImage` and the upload. */
export function checkTextInput(input: BrandingInput, tools: ColourTools): { text: Record<BrandingTextField, string | null>; issues: BrandingIssue[] } {
  const text = {} as Record<BrandingTextField, string | null>;
  const issues: BrandingIssue[] = [];
  for (const field of BRANDING_FIELDS) {
    if ((BRANDING_IMAGE_FIELDS as readonly string[]).includes(field)) continue;
    const checked = checkTextField(field as BrandingTextField, input[field as BrandingTextField], tools);
    text[field as BrandingTextField] = checked.value;
    issues.push(...checked.issues);
  }
  return { text, issues };
}

/** image-size's type name as a stored content type, when it is one we keep. */
export function imageContentType(type: string | undefined): BrandingImageType | undefined {
  return type === 'png' ? 'image/png' : type === 'jpg' ? 'image/jpeg' : undefined;
}

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** Seed 000's rules for one image: PNG or JPEG by content, limits as errors, recommendations as warnings. */
export function checkImage(field: BrandingImageField, facts: ImageFacts): BrandingIssue[] {
  const label = BRANDING_FIELD_LABELS[field];
  if (facts.bytes > BRANDING_LIMITS.imageMaxBytes) {
    return [issue(field, 'error', 'image_too_large', `${label}: the file is ${kb(facts.bytes)}; images may be at most ${kb(BRANDING_LIMITS.imageMaxBytes)}`)];
  }
  if (facts.type === 'svg') return [issue(field, 'error', 'svg_refused', `${label}: SVG is refused because an SVG can carry script; use PNG or JPEG`)];
  if (!imageContentType(facts.type)) {
    const what = facts.type ? `a ${facts.type.toUpperCase()} image` : 'not an image';
    return [issue(field, 'error', 'image_type', `${label}: PNG or JPEG only, checked by content (not by file name); this file is ${what}`)];
  }
  const { width, height } = facts;
  if (!width || !height) return [issue(field, 'error', 'image_corrupt', `${label}: the image's size cannot be read; the file is corrupt or truncated`)];
  if (width > BRANDING_LIMITS.imageMaxSide || height > BRANDING_LIMITS.imageMaxSide) {
    return [issue(field, 'error', 'image_dimensions', `${label}: ${width} x ${height} px is over ${BRANDING_LIMITS.imageMaxSide} px on a side`)];
  }
  if (facts.decoded === false) return [issue(field, 'error', 'image_corrupt', `${label}: the image cannot be decoded; the file is corrupt or truncated`)];
  const found: BrandingIssue[] = [];
  if (field === 'logo') {
    const l = BRANDING_LIMITS.logo;
    if (width > l.maxWidth || height > l.maxHeight) {
      found.push(issue(field, 'error', 'logo_size', `${label}: ${width} x ${height} px is too large; the logo may be at most ${l.maxWidth} px wide and ${l.maxHeight} px high`));
    } else if (height !== l.recommendedHeight) {
      found.push(issue(field, 'warning', 'logo_recommended_size', `${label}: ${width} x ${height} px; ${l.recommendedHeight} px high is recommended`));
    }
  }
  if (field === 'favicon') {
    const f = BRANDING_LIMITS.favicon;
    if (width !== f.width || height !== f.height) {
      found.push(issue(field, 'error', 'favicon_size', `${label}: must be square, ${f.width} x ${f.height} px; this one is ${width} x ${height} px`));
    }
  }
  if (field === 'logo' || field === 'favicon') {
    const recommended = BRANDING_LIMITS[field].recommendedBytes;
    if (facts.bytes > recommended) found.push(issue(field, 'warning', 'image_recommended_bytes', `${label}: ${kb(facts.bytes)}; less than ${kb(recommended)} is recommended`));
  }
  if (field === 'background_image') {
    const b = BRANDING_LIMITS.background_image;
    if (width < b.recommendedWidth || height < b.recommendedHeight) {
      found.push(issue(field, 'warning', 'background_size', `${label}: ${width} x ${height} px is smaller than the recommended ${b.recommendedWidth} x ${b.recommendedHeight} px, so it will be tiled`));
    } else if (width !== b.recommendedWidth || height !== b.recommendedHeight) {
      found.push(issue(field, 'warning', 'background_size', `${label}: ${width} x ${height} px; ${b.recommendedWidth} x ${b.recommendedHeight} px is recommended`));
    }
  }
  return found;
}

/** WCAG 2.2 contrast of the login text on its background (SC 1.4.3: 4.5:1 for text), or null while either is unset. */
export function checkContrast(values: Pick<BrandingValues, 'text_colour' | 'background_colour'>, tools: ColourTools): { contrast: BrandingContrast | null; issues: BrandingIssue[] } {
  const { text_colour: text, background_colour: background } = values;
  if (!text || !background) return { contrast: null, issues: [] };
  const ratio = Math.round(tools.contrast(text, background) * 100) / 100;
  const minimum = BRANDING_LIMITS.minContrast;
  const contrast = { text_colour: text, background_colour: background, ratio, minimum, meets_minimum: ratio >= minimum };
  if (contrast.meets_minimum) return { contrast, issues: [] };
  return {
    contrast,
    issues: [
      {
        ...issue('text_colour', 'warning', 'low_contrast', `Text ${text} on background ${background} has a contrast of ${ratio.toFixed(2)}:1; WCAG 2.2 asks at least ${minimum}:1 for text`),
        contrast_ratio: ratio,
      },
    ],
  };
}

/** The report of a set of values as users would see them: contrast plus any findings given. */
export function brandingReport(effective: BrandingValues, tools: ColourTools, issues: BrandingIssue[] = []): BrandingReport {
  const checked = checkContrast(effective, tools);
  return { issues: [...issues, ...checked.issues], contrast: checked.contrast };
}

/**
 * Per-field inheritance: `layers` root first (service provider, partner, client), each a tenant's
 * own published values or null. The last layer that sets a field wins.
 */
export function effectiveBranding(layers: readonly { tenant: { id: string; name: string }; values: BrandingValues | null }[]): EffectiveBranding {
  const values = emptyBrandingValues();
  const sources = Object.fromEntries(BRANDING_FIELDS.map((f) => [f, null])) as EffectiveBranding['sources'];
  for (const { tenant, values: own } of layers) {
    if (!own) continue;
    for (const field of BRANDING_FIELDS) {
      if (own[field] === null) continue;
      (values as Record<BrandingField, unknown>)[field] = own[field];
      sources[field] = { id: tenant.id, name: tenant.name };
    }
  }
  return { values, sources };
}

const sameValue = (a: BrandingValues[BrandingField], b: BrandingValues[BrandingField]) =>
  a === null || b === null || typeof a === 'string' || typeof b === 'string' ? a === b : a.id === b.id;

/** The field-by-field summary shown before publish or rollback (old, new), in the fields' order. */
export function brandingChanges(before: BrandingValues, after: BrandingValues): BrandingChange[] {
  return BRANDING_FIELDS.filter((f) => !sameValue(before[f], after[f])).map((field) => ({
    field,
    label: BRANDING_FIELD_LABELS[field],
    old: before[field],
    new: after[field],
  }));
}
