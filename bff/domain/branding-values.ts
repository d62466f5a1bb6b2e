// A tenant's own branding values as stored (images by id) and as sent (images resolved).
import { BRANDING_FIELDS, BRANDING_IMAGE_FIELDS, type BrandingImage, type BrandingImageField, type BrandingTextField, type BrandingValues } from '../../shared/branding';

export type StoredBrandingValues = Record<BrandingTextField | BrandingImageField, string | null>;

export const emptyStoredValues = (): StoredBrandingValues => Object.fromEntries(BRANDING_FIELDS.map((f) => [f, null])) as StoredBrandingValues;

export const isImageField = (field: string): field is BrandingImageField => (BRANDING_IMAGE_FIELDS as readonly string[]).includes(field);

/** Stored values with each image id replaced by the image (null when it is unknown, which a foreign key makes impossible). */
export function resolveValues(stored: StoredBrandingValues, images: ReadonlyMap<string, BrandingImage>): BrandingValues {
  const out = {} as Record<string, unknown>;
  for (const field of BRANDING_FIELDS) {
    const value = stored[field] ?? null;
    out[field] = isImageField(field) ? (value === null ? null : (images.get(value) ?? null)) : value;
  }
  return out as BrandingValues;
}

/** The image ids stored values refer to. */
export const imageIdsOf = (stored: StoredBrandingValues): string[] =>
  BRANDING_IMAGE_FIELDS.map((f) => stored[f]).filter((id): id is string => typeof id === 'string');
