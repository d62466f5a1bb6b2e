import { describe, expect, it } from 'vitest';
import type { BrandingLook } from '../../shared/branding-messages';
import { PREVIEW_ROLES } from '../../shared/branding-messages';
import { lookSeenBy, roleNote } from './branding-roles';

const look: BrandingLook = {
  website_title: 'Acme Portal', documentation_url: 'https://docs.acme.example/', login_header: 'Welcome', login_subheader: 'Acme Retail',
  text_colour: '#111111', background_colour: '#eeeeee', company_name: 'Acme Retail', portal_url: 'https://portal.acme.example/',
  logo: 'data:image/png;base64,AAAA', favicon: 'data:image/png;base64,BBBB', background_image: null,
};
const setFields = (l: BrandingLook) => Object.entries(l).filter(([, v]) => v !== null).map(([k]) => k).sort();

describe('what each end-customer role of seed 004 sees of a branding', () => {
  it('the read-only client portal sees everything; web-client roles only company name and logo; Alert Contacts nothing', () => {
    expect(lookSeenBy('client_portal_read_only', look)).toEqual(look);
    for (const role of ['admin', 'operator', 'read_only', 'spokesperson', 'hosting_provider'] as const) {
      expect([role, setFields(lookSeenBy(role, look))]).toEqual([role, ['company_name', 'logo']]);
      expect(roleNote(role)).toContain('only the company name and logo');
    }
    expect(setFields(lookSeenBy('alert_contact', look))).toEqual([]);
    expect(roleNote('alert_contact')).toContain('no access to the web client');
    expect(PREVIEW_ROLES).toHaveLength(7);
  });
});
