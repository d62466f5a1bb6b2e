// The branding editor's state: what the admin typed and dropped, checked with the BFF's rules, the
// look users would see (inheritance resolved, as a chosen role sees it), and what goes to the BFF.
// Signals and pure logic only; the component asks the background and feeds the answers in.
import { computed, signal } from '@preact/signals';
import { BRANDING_IMAGE_FIELDS, BRANDING_TEXT_FIELDS, type BrandingImage, type BrandingImageField, type BrandingInput, type BrandingIssue, type BrandingTextField, type BrandingValues, type BrandingView } from '../../shared/branding';
import type { BrandingLook, BrandingPreview, PreviewRole } from '../../shared/branding-messages';
import { brandingChanges, brandingReport, checkTextInput } from '../../shared/branding-rules';
import { lookSeenBy } from './branding-roles';
import { colourTools } from './branding-validation';

export type TextValues = Record<BrandingTextField, string>;
export type ImageValues = Record<BrandingImageField, BrandingImage | null>;

const textOf = (values: BrandingValues | undefined): TextValues =>
  Object.fromEntries(BRANDING_TEXT_FIELDS.map((f) => [f, values?.[f] ?? ''])) as TextValues;
const imagesOf = (values: BrandingValues | undefined): ImageValues =>
  Object.fromEntries(BRANDING_IMAGE_FIELDS.map((f) => [f, values?.[f] ?? null])) as ImageValues;

export function createBrandingEditor(initial: BrandingView) {
  const view = signal(initial);
  /** This tenant's own values, as typed: '' means "inherit". Starts from the caller's draft, else the published version. */
  const text = signal<TextValues>(textOf((initial.draft ?? initial.published)?.values));
  const images = signal<ImageValues>(imagesOf((initial.draft ?? initial.published)?.values));
  /** Image bytes as data: URLs by image id (fetched through the background) or by a dropped file's key. */
  const sources = signal<Record<string, string>>({});
  /** Findings on dropped files (the editor's own, or the BFF's when it refused an upload). */
  const imageIssues = signal<Partial<Record<BrandingImageField, BrandingIssue[]>>>({});
  /** The BFF's findings when it refused a draft: shown where they disagree with the editor. */
  const bffIssues = signal<BrandingIssue[]>([]);
  const role = signal<PreviewRole>('client_portal_read_only');
  const screen = signal<'page' | 'login'>('page');
  const side = signal<'before' | 'after'>('after');

  const input = computed<BrandingInput>(() => ({
    ...Object.fromEntries(BRANDING_TEXT_FIELDS.map((f) => [f, text.value[f].trim() || null])),
    ...Object.fromEntries(BRANDING_IMAGE_FIELDS.map((f) => [f, images.value[f]?.id ?? null])),
  }));
  const checked = computed(() => checkTextInput(input.value, colourTools));
  /** This tenant's own values once checked (invalid text counts as unset). */
  const own = computed<BrandingValues>(() => ({ ...checked.value.text, ...images.value }));
  /** What users would see: own values over the inherited ones, per field. */
  const effective = computed<BrandingValues>(() => {
    const inherited = view.value.inherited.values;
    return Object.fromEntries(Object.entries(own.value).map(([f, v]) => [f, v ?? inherited[f as keyof BrandingValues]])) as BrandingValues;
  });
  const report = computed(() =>
    brandingReport(effective.value, colourTools, [...checked.value.issues, ...Object.values(imageIssues.value).flatMap((i) => i ?? [])]),
  );
  /** A refused drop keeps the current image, so only the typed values can stand in the way of publishing. */
  const hasErrors = computed(() => checked.value.issues.some((i) => i.severity === 'error'));
  /** Local edits against the published version, field by field (the BFF's summary is shown before publishing). */
  const edits = computed(() => brandingChanges(view.value.published?.values ?? view.value.inherited.values, own.value).length);

  const lookOf = (values: BrandingValues): BrandingLook => {
    const src = (image: BrandingImage | null) => (image ? (sources.value[image.id] ?? null) : null);
    return {
      ...Object.fromEntries(BRANDING_TEXT_FIELDS.map((f) => [f, values[f]])),
      logo: src(values.logo),
      favicon: src(values.favicon),
      background_image: src(values.background_image),
    } as BrandingLook;
  };
  const preview = computed<BrandingPreview>(() => ({
    look: lookSeenBy(role.value, lookOf(side.value === 'before' ? view.value.effective.values : effective.value)),
    role: role.value,
    screen: screen.value,
    side: side.value,
  }));
  /** Image ids the preview needs bytes for, not fetched yet. */
  const missingSources = computed(() =>
    [effective.value, view.value.effective.values]
      .flatMap((v) => BRANDING_IMAGE_FIELDS.map((f) => v[f]))
      .filter((i): i is BrandingImage => !!i && !(i.id in sources.value))
      .map((i) => i.id),
  );

  return {
    view, text, images, sources, imageIssues, bffIssues, role, screen, side,
    input, own, effective, report, hasErrors, edits, preview, missingSources,
    setText(field: BrandingTextField, value: string) {
      text.value = { ...text.value, [field]: value };
      bffIssues.value = bffIssues.value.filter((i) => i.field !== field);
    },
    /** A dropped file was refused (by the editor or the BFF): say why, keep the current image. */
    refuseImage(field: BrandingImageField, issues: BrandingIssue[]) {
      imageIssues.value = { ...imageIssues.value, [field]: issues };
    },
    /** The BFF stored a dropped image: use it (its warnings stay visible). */
    acceptImage(field: BrandingImageField, image: BrandingImage, dataUrl: string, warnings: BrandingIssue[]) {
      sources.value = { ...sources.value, [image.id]: dataUrl };
      images.value = { ...images.value, [field]: image };
      imageIssues.value = { ...imageIssues.value, [field]: warnings };
    },
    clearImage(field: BrandingImageField) {
      images.value = { ...images.value, [field]: null };
      imageIssues.value = { ...imageIssues.value, [field]: [] };
    },
    addSource(imageId: string, dataUrl: string) {
      sources.value = { ...sources.value, [imageId]: dataUrl };
    },
    /** A fresh view from the BFF (after publish, rollback or a conflict): start again from what is published. */
    reset(next: BrandingView) {
      view.value = next;
      text.value = textOf((next.draft ?? next.published)?.values);
      images.value = imagesOf((next.draft ?? next.published)?.values);
      imageIssues.value = {};
      bffIssues.value = [];
    },
  };
}

export type BrandingEditor = ReturnType<typeof createBrandingEditor>;
