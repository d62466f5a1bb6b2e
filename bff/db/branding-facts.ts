// Gathers what the branding routes need about one tenant, for a signed-in user or for the console:
// whether it is visible at all, the hierarchy, published versions along it, history, the caller's
// draft, the images all of those refer to, and whether the caller may edit.
import type { BrandingEditRight, BrandingImage } from '../../shared/branding';
import { resolveEntry, type TenantFact } from '../domain/access';
import { brandingEditRight } from '../domain/branding-rights';
import { imageIdsOf } from '../domain/branding-values';
import type { BrandingFacts } from '../domain/branding-view';
import { canSeeTenant } from '../domain/visibility';
import { loadAccessFacts } from './access-facts';
import { currentVersions, findDraft, imagesByIds, versionHistory } from './branding';
import type { Tx } from './client';
import { tenantChain, toTenantFact } from './tenants';
import type { UserWithHome } from './users';

export interface BrandingContext {
  tenant: TenantFact;
  chain: TenantFact[];
  facts: BrandingFacts;
  /** Null for the console, which only reads. */
  edit: BrandingEditRight | null;
}

export type BrandingReader = { kind: 'user'; caller: UserWithHome } | { kind: 'console' };

/** The path images are served at, under the tenant being viewed (inherited images included). */
export const brandingImageUrl = (tenantId: string, imageId: string) => `/v1/branding/${tenantId}/images/${imageId}`;

/** Undefined when the tenant does not exist or the reader may not see it (the two look the same). */
export async function loadBrandingContext(db: Tx, reader: BrandingReader, tenantId: string, now: Date): Promise<BrandingContext | undefined> {
  let chain: TenantFact[];
  let edit: BrandingEditRight | null = null;
  if (reader.kind === 'user') {
    const { caller } = reader;
    const loaded = await loadAccessFacts(db, caller, tenantId);
    const entry = loaded && resolveEntry(loaded.facts, now);
    const viewer = { userId: caller.user.id, homeTenantId: caller.home.id, homeKind: caller.home.kind, role: caller.role };
    if (!loaded || !entry || !canSeeTenant(viewer, loaded.chain.map((t) => t.id), entry.allowed)) return undefined;
    chain = loaded.chain.map(toTenantFact);
    edit = brandingEditRight({
      tenant: chain[chain.length - 1]!,
      ancestors: chain.slice(0, -1),
      viewer: { homeTenantId: caller.home.id, role: caller.role },
      platformAdminGrant: entry.allowed && entry.via === 'grant' && !!loaded.facts.grant?.platformAdmin,
    });
  } else {
    chain = (await tenantChain(db, tenantId)).map(toTenantFact);
    if (!chain.length) return undefined;
  }
  const tenant = chain[chain.length - 1]!;
  const [current, history, draft] = await Promise.all([
    currentVersions(db, chain.map((t) => t.id)),
    reader.kind === 'user' ? versionHistory(db, tenant.id) : Promise.resolve([]),
    reader.kind === 'user' ? findDraft(db, tenant.id, reader.caller.user.id) : Promise.resolve(null),
  ]);
  const ids = [...[...current.values()].flatMap((v) => imageIdsOf(v.values)), ...history.flatMap((v) => imageIdsOf(v.values)), ...(draft ? imageIdsOf(draft.values) : [])];
  const images = new Map<string, BrandingImage>(
    (await imagesByIds(db, ids)).map(({ tenantId: _owner, ...meta }) => [meta.id, { ...meta, url: brandingImageUrl(tenant.id, meta.id) }]),
  );
  return { tenant, chain, facts: { chain, current, history, draft, images }, edit };
}
