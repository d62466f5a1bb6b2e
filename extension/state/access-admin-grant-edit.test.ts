import { describe, expect, it } from 'vitest';
import type { GrantView } from '../../shared/access-admin-common';
import { draftOf, grantEdit, reapplied } from './access-admin-grant-edit';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const grant: GrantView = {
  id: 'g_1', version: 3, user: { id: 'u', email: 'a@contoso-msp.example', name: 'Ari Analyst' }, customer: { id: 't_acme', name: 'Acme Retail' }, partner_id: 't_contoso',
  platform_admin: false, role: 'operator', products: ['a', 'b'], expires_at: null, state: 'active', granted_by: 'u_admin', granted_at: '2026-11-20T00:00:00.000Z', revoked_at: null, last_access_at: null,
};

describe('grantEdit', () => {
  it('sends only what changed, with the version that was read', () => {
    const draft = { ...draftOf(grant, 'edit'), platformAdmin: true, products: ['b', 'a'] };
    expect(grantEdit(grant, draft, NOW)).toEqual({ ok: true, value: { version: 3, platform_admin: true } });
    expect(grantEdit(grant, { ...draftOf(grant, 'edit'), role: '' }, NOW)).toEqual({ ok: true, value: { version: 3, role: null } });
    expect(grantEdit(grant, { ...draftOf(grant, 'edit'), products: ['a'] }, NOW)).toEqual({ ok: true, value: { version: 3, products: ['a'] } });
  });

  it('says when nothing changed', () => {
    expect(grantEdit(grant, draftOf(grant, 'edit'), NOW)).toEqual({ ok: false, problem: 'Nothing changed yet.' });
  });

  it('an extension starts at 24 hours and sends the duration', () => {
    expect(grantEdit(grant, draftOf(grant, 'extend'), NOW)).toEqual({ ok: true, value: { version: 3, duration: { kind: 'hours', hours: 24 } } });
  });

  it('re-applies the same changes on the current version after a conflict', () => {
    expect(reapplied({ version: 3, role: 'admin' }, { ...grant, version: 5 })).toEqual({ version: 5, role: 'admin' });
  });
});
