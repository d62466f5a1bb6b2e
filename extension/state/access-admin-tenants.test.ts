import { describe, expect, it } from 'vitest';
import { allowlistEntries, createTenantForm, terminationConfirmed } from './access-admin-tenants';

const valid = {
  name: 'Fabrikam Dental',
  email_domain: 'Fabrikam-Dental.example',
  alternate_email: 'it@fabrikam-dental.example',
  notification_email: 'alerts@fabrikam-dental.example',
  timezone: 'Europe/London',
  country: 'GB',
  city: 'Leeds',
  address: '1 Park Row',
  postal_code: '01532',
  state: 'West Yorkshire',
  application_server: 'eu1.monitoring.example',
};

describe('the new-client form', () => {
  it('builds the contract’s body: a client under the partner, the domain lower-cased, the postal code’s leading zero kept', () => {
    const form = createTenantForm('t_contoso');
    for (const [field, value] of Object.entries(valid)) form.set(field as keyof typeof valid, value);
    form.addons.value = ['log_management'];
    expect(form.body()).toMatchObject({
      kind: 'client',
      parent_id: 't_contoso',
      email_domain: 'fabrikam-dental.example',
      account: { name: 'Fabrikam Dental', postal_code: '01532', country: 'GB' },
      packages: ['hybrid_discovery_monitoring'],
      addons: ['log_management'],
    });
    expect(form.errors.value).toEqual({});
  });

  it('sends nothing while a field is wrong, and says which', () => {
    const form = createTenantForm('t_contoso');
    for (const [field, value] of Object.entries({ ...valid, postal_code: 'SW1A', country: 'gb', notification_email: 'nope' })) form.set(field as keyof typeof valid, value);
    expect(form.body()).toBeNull();
    expect(Object.keys(form.errors.value).sort()).toEqual(['country', 'notification_email', 'postal_code']);
    expect(form.errors.value.postal_code).toBe('digits only');
    expect(form.problem.value).toBeNull();
  });

  it('puts the BFF’s refusals by field, a taken domain beside the domain, and anything else above the form', () => {
    const form = createTenantForm('t_contoso');
    form.refused({ message: 'invalid json', fields: [{ path: 'account.city', message: 'Too small' }, { path: 'packages', message: 'too many' }] });
    expect(form.errors.value).toEqual({ city: 'Too small' });
    expect(form.problem.value).toBe('too many');
    form.refused({ message: 'the e-mail domain acme.example already belongs to another tenant' });
    expect(form.errors.value).toEqual({ email_domain: 'the e-mail domain acme.example already belongs to another tenant' });
    expect(form.problem.value).toBeNull();
    form.refused({ message: 'missing permission Clients_Create' });
    expect(form.errors.value).toEqual({});
    expect(form.problem.value).toBe('missing permission Clients_Create');
  });
});

describe('allow-list lines and the termination’s typed name', () => {
  it('takes one entry a line, trimmed, blank lines dropped', () => {
    expect(allowlistEntries(' 203.0.113.7 \r\n\n198.51.100.0/24\n  \n')).toEqual(['203.0.113.7', '198.51.100.0/24']);
    expect(allowlistEntries('')).toEqual([]);
  });

  it('confirms only the exact name', () => {
    expect(terminationConfirmed('Fabrikam Dental', 'Fabrikam Dental')).toBe(true);
    expect(terminationConfirmed('fabrikam dental', 'Fabrikam Dental')).toBe(false);
    expect(terminationConfirmed('Fabrikam Dental ', 'Fabrikam Dental')).toBe(false);
    expect(terminationConfirmed('', 'Fabrikam Dental')).toBe(false);
  });
});
