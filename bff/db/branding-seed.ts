// Demo branding: Contoso publishes its look (version 1), which its clients inherit; Acme Retail
// overrides a few fields of its own (version 1), so inheritance, publish and rollback have
// something to show from the first start.
import { emptyStoredValues, type StoredBrandingValues } from '../domain/branding-values';
import type { Tx } from './client';
import { brandingVersions } from './schema-branding';

export const DEMO_BRANDING = {
  contoso: {
    website_title: 'Contoso Monitor',
    documentation_url: 'https://docs.contoso-msp.example/',
    login_header: 'Welcome to Contoso Managed Services',
    login_subheader: 'Sign in to watch over your estate',
    text_colour: '#ffffff',
    background_colour: '#0b3d91',
  },
  acme: {
    company_name: 'Acme Retail',
    login_subheader: 'Acme Retail operations portal',
    portal_url: 'https://status.acme.example/',
  },
} as const;

const stored = (values: Partial<StoredBrandingValues>): StoredBrandingValues => ({ ...emptyStoredValues(), ...values });

export async function seedDemoBranding(tx: Tx, ids: { contoso: string; acme: string; publisher: string }, now: Date) {
  const version = (tenantId: string, values: Partial<StoredBrandingValues>) => ({
    tenantId,
    version: 1,
    values: stored(values),
    action: 'publish' as const,
    restoredVersion: null,
    publishedBy: ids.publisher,
    publishedAt: now,
  });
  await tx.insert(brandingVersions).values([version(ids.contoso, DEMO_BRANDING.contoso), version(ids.acme, DEMO_BRANDING.acme)]);
}
