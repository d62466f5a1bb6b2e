// The catalogue of pages and controls agrees with the product catalogue, and the demo data is
// deterministic per customer.
import { describe, expect, it } from 'vitest';
import { PACKAGES, PERMISSIONS } from '../shared/catalogue';
import { alertsData, automationData, dashboardData, incidentsData, reportsData } from './demo-data';
import { ALL_CONTROLS, CONSOLE_PAGES, INCIDENTS_SECTION, PAGE_IDS } from './page-catalogue';

describe('page catalogue', () => {
  it('names only permissions of shared/catalogue.ts', () => {
    expect(ALL_CONTROLS.map((c) => c.permission).filter((p) => !PERMISSIONS.has(p))).toEqual([]);
  });

  it('gates each control by the package of the page or section that shows it', () => {
    for (const id of PAGE_IDS) {
      expect(Object.keys(PACKAGES)).toContain(CONSOLE_PAGES[id].package);
      for (const control of CONSOLE_PAGES[id].controls) expect([control.id, PERMISSIONS.get(control.permission)?.package]).toEqual([control.id, CONSOLE_PAGES[id].package]);
    }
    for (const control of INCIDENTS_SECTION.controls) expect(PERMISSIONS.get(control.permission)?.package).toBe(INCIDENTS_SECTION.package);
  });

  it('gives every control a unique id', () => {
    expect(new Set(ALL_CONTROLS.map((c) => c.id)).size).toBe(ALL_CONTROLS.length);
  });

  it('follows seed 000: automation needs Remediation and Automation, the rest the base package', () => {
    expect(CONSOLE_PAGES.automation.package).toBe('remediation_automation');
    expect([CONSOLE_PAGES.dashboard, CONSOLE_PAGES.alerts, CONSOLE_PAGES.reports].map((p) => p.package)).toEqual(Array(3).fill('hybrid_discovery_monitoring'));
  });
});

describe('demo data', () => {
  const all = (tenantId: string) => [dashboardData(tenantId), alertsData(tenantId), incidentsData(tenantId), automationData(tenantId), reportsData(tenantId)];

  it('is the same on every call for one customer', () => {
    expect(all('t_acme')).toEqual(all('t_acme'));
  });

  it('differs between customers', () => {
    expect(JSON.stringify(all('t_acme'))).not.toBe(JSON.stringify(all('t_globex')));
    expect(new Set(['t_c001', 't_c002', 't_c003'].map((t) => JSON.stringify(alertsData(t)))).size).toBe(3);
  });
});
