import { describe, expect, it } from 'vitest';
import { customer } from '../test-support/customers';
import { customerPreview } from './customer-preview';

const acme = (overrides: Parameters<typeof customer>[2] = {}) => customer('t_acme', 'Acme Retail', overrides);

describe('customerPreview', () => {
  it('names the role and the packages of the grant, and what it lacks', () => {
    expect(customerPreview(acme({ role: 'operator', products: ['event_incident_management'] }))).toEqual({
      acting: 'As Operator',
      packages: ['Hybrid Discovery and Monitoring', 'Event and Incident Management'],
      missing: ['Remediation and Automation: not in your grant'],
    });
  });

  it('adds Platform Administrator to the role', () => {
    expect(customerPreview(acme({ role: 'admin', platform_admin: true })).acting).toBe('As Admin + Platform Administrator');
  });

  it('reads Platform Administrator alone when the grant has no role', () => {
    expect(customerPreview(acme({ role: null, platform_admin: true })).acting).toBe('As Platform Administrator');
    expect(customerPreview(acme({ role: null, platform_admin: false })).acting).toBe('No role');
  });

  it('shows an unknown role by its id rather than hiding it', () => {
    expect(customerPreview(acme({ role: 'night_shift' })).acting).toBe('As night_shift');
  });

  it('always covers the base package, as the BFF does, and lists the rest as missing', () => {
    const preview = customerPreview(acme({ products: [] }));
    expect(preview.packages).toEqual(['Hybrid Discovery and Monitoring']);
    expect(preview.missing).toEqual(['Event and Incident Management: not in your grant', 'Remediation and Automation: not in your grant']);
  });

  it('lacks nothing when the grant names every package, whatever their order, once each', () => {
    const preview = customerPreview(acme({ products: ['remediation_automation', 'event_incident_management', 'hybrid_discovery_monitoring', 'event_incident_management'] }));
    expect(preview.packages).toEqual(['Hybrid Discovery and Monitoring', 'Event and Incident Management', 'Remediation and Automation']);
    expect(preview.missing).toEqual([]);
  });

  it('keeps a product the catalogue does not know, by its id, after the known ones', () => {
    expect(customerPreview(acme({ products: ['quantum_monitoring', 'remediation_automation'] })).packages).toEqual([
      'Hybrid Discovery and Monitoring',
      'Remediation and Automation',
      'quantum_monitoring',
    ]);
  });

  it('does not take a prototype property for a role or a package', () => {
    const preview = customerPreview(acme({ role: 'constructor', products: ['toString'] }));
    expect(preview.acting).toBe('As constructor');
    expect(preview.packages).toContain('toString');
  });
});
