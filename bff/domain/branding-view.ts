// Builds what the editor and the console are sent from plain facts: inheritance along the chain,
// history, the caller's draft, reports. Pure: the colour library comes in as `tools`.
import type { BrandingDraft, BrandingEditRight, BrandingImage, BrandingVersion, BrandingView, EffectiveBranding } from '../../shared/branding';
import { brandingReport, effectiveBranding, type ColourTools } from '../../shared/branding-rules';
import type { TenantFact } from './access';
import { resolveValues, type StoredBrandingValues } from './branding-values';

export interface StoredVersion {
  version: number;
  values: StoredBrandingValues;
  action: 'publish' | 'rollback';
  restoredVersion: number | null;
  publishedAt: Date;
  publishedBy: { id: string; email: string };
}

export interface StoredDraft {
  baseVersion: number;
  values: StoredBrandingValues;
  updatedAt: Date;
}

export interface BrandingFacts {
  /** Root first, ending with the tenant itself. */
  chain: readonly TenantFact[];
  /** Each chain tenant's current published version. */
  current: ReadonlyMap<string, StoredVersion>;
  /** The tenant's own versions, newest first. */
  history: readonly StoredVersion[];
  draft: StoredDraft | null;
  /** Every image the versions and the draft above refer to. */
  images: ReadonlyMap<string, BrandingImage>;
}

const tenantOf = (facts: BrandingFacts) => facts.chain[facts.chain.length - 1]!;

/** The tenant's current published version number (0 when it never published). */
export const currentVersion = (facts: BrandingFacts) => facts.current.get(tenantOf(facts).id)?.version ?? 0;

/**
 * What users see, given the tenant's own values (`own`: its current published values by default;
 * a draft or an earlier version to preview a publish or rollback; null for none of its own).
 */
export function effectiveFor(facts: BrandingFacts, own: StoredBrandingValues | null | undefined = undefined): EffectiveBranding {
  const tenant = tenantOf(facts);
  return effectiveBranding(
    facts.chain.map((t) => {
      const stored = t.id === tenant.id && own !== undefined ? own : (facts.current.get(t.id)?.values ?? null);
      return { tenant: { id: t.id, name: t.name }, values: stored ? resolveValues(stored, facts.images) : null };
    }),
  );
}

export function toVersionDto(v: StoredVersion, images: ReadonlyMap<string, BrandingImage>): BrandingVersion {
  return {
    version: v.version,
    values: resolveValues(v.values, images),
    published_at: v.publishedAt.toISOString(),
    published_by: v.publishedBy,
    action: v.action,
    restored_version: v.restoredVersion,
  };
}

export function toDraftDto(facts: BrandingFacts, tools: ColourTools): BrandingDraft | null {
  if (!facts.draft) return null;
  return {
    base_version: facts.draft.baseVersion,
    values: resolveValues(facts.draft.values, facts.images),
    updated_at: facts.draft.updatedAt.toISOString(),
    report: brandingReport(effectiveFor(facts, facts.draft.values).values, tools),
  };
}

export function buildBrandingView(facts: BrandingFacts, edit: BrandingEditRight, tools: ColourTools): BrandingView {
  const tenant = tenantOf(facts);
  const parent = facts.chain.length > 1 ? facts.chain[facts.chain.length - 2]! : null;
  const published = facts.current.get(tenant.id);
  const effective = effectiveFor(facts);
  const summary = (t: TenantFact) => ({ id: t.id, name: t.name, kind: t.kind, status: t.status });
  return {
    tenant: summary(tenant),
    parent: parent ? summary(parent) : null,
    published: published ? toVersionDto(published, facts.images) : null,
    inherited: effectiveFor(facts, null),
    effective,
    report: brandingReport(effective.values, tools),
    draft: toDraftDto(facts, tools),
    history: facts.history.map((v) => toVersionDto(v, facts.images)),
    edit,
  };
}
