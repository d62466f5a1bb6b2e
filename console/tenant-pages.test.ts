// The four customer pages against a real BFF: who the page acts for, packages, controls, headers.
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../shared/catalogue';
import { PAGE_IDS } from './page-catalogue';
import { ANALYST, byTestId, fetchPage, resign, useConsoleWorld } from './test-support';

const cw = useConsoleWorld();

const page = (path: string, token: string) => fetchPage(cw.app, path, token);
const testId = byTestId;

describe('customer pages', () => {
  it.each(PAGE_IDS)('/t/t_acme/%s acts for Acme Retail and the analyst, with the nav and the tenant meta', async (id) => {
    const { res, doc } = await page(`/t/t_acme/${id}`, cw.acme);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(testId(doc, 'acting-tenant')?.textContent).toBe('Acme Retail');
    expect(testId(doc, 'acting-tenant')?.getAttribute('data-tenant-id')).toBe('t_acme');
    expect(testId(doc, 'acting-user')?.textContent).toBe(ANALYST);
    expect(testId(doc, 'acting-roles')?.textContent).toBe('Operator');
    expect(doc.querySelector('meta[name="switchboard-tenant"]')?.getAttribute('content')).toBe('t_acme');
    const links = [...doc.querySelectorAll('[data-testid="console-nav"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['dashboard', 'alerts', 'automation', 'reports']);
    expect(doc.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe(id);
    expect(doc.querySelector('main table, main .cards')).not.toBeNull();
    expect(doc.body.firstElementChild?.id).toBe('console-header');
  });

  it("shows each customer its own demo data and roles", async () => {
    const [a, g] = await Promise.all([page('/t/t_acme/dashboard', cw.acme), page('/t/t_globex/dashboard', cw.globex)]);
    expect(testId(g.doc, 'acting-tenant')?.textContent).toBe('Globex Manufacturing');
    expect(testId(g.doc, 'acting-roles')?.textContent).toBe('Admin, Platform Administrator');
    expect(testId(a.doc, 'resource-table')?.textContent).not.toBe(testId(g.doc, 'resource-table')?.textContent);
    expect(a.text).not.toContain('Globex');
    expect((await page('/t/t_acme/dashboard', cw.acme)).text).toBe(a.text);
  });

  it('dashboard loads the same-origin page script and has the slot it fills from the API', async () => {
    const { doc } = await page('/t/t_acme/dashboard', cw.acme);
    expect(doc.querySelector('script')?.getAttribute('src')).toBe('/assets/console.js');
    expect(testId(doc, 'api-tenant')).not.toBeNull();
    const script = await cw.app.request('/assets/console.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("fetch('./api/whoami'");
  });

  it('answers 403 with seed 000\'s message for a page whose package the customer lacks', async () => {
    const { res, doc } = await page('/t/t_globex/automation', cw.globex);
    expect(res.status).toBe(403);
    expect(testId(doc, 'access-denied')?.textContent).toBe(
      'Access Denied! The partner is not subscribed to this product package. (Remediation and Automation)',
    );
    expect(testId(doc, 'job-table')).toBeNull();
    // The page's controls stay, every one disabled and naming its permission, so each can be explained.
    const controls = [...doc.querySelectorAll('button[data-permission]')];
    expect(controls.map((b) => b.getAttribute('data-permission'))).toEqual(['Jobs_Manage', 'PatchApprovals_Manage', 'Scripts_Manage']);
    expect(controls.every((b) => b.hasAttribute('disabled') && b.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('enables a control the scope carries and disables one it lacks, naming the permission', async () => {
    const globexAlerts = (await page('/t/t_globex/alerts', cw.globex)).doc;
    const create = testId(globexAlerts, 'control-create-incident');
    expect(create?.getAttribute('data-permission')).toBe('Incident_Manage');
    expect(create?.hasAttribute('disabled')).toBe(false);
    expect(testId(globexAlerts, 'incident-table')).not.toBeNull();

    const acmeDashboard = (await page('/t/t_acme/dashboard', cw.acme)).doc;
    const edit = testId(acmeDashboard, 'control-edit-dashboard');
    expect(edit?.getAttribute('data-permission')).toBe('Dashboards_Manage');
    expect(edit?.hasAttribute('disabled')).toBe(true);
    expect(edit?.getAttribute('aria-disabled')).toBe('true');
    expect(edit?.getAttribute('title')).toContain('Dashboards_Manage');
    const acmeAutomation = (await page('/t/t_acme/automation', cw.acme)).doc;
    expect(testId(acmeAutomation, 'control-run-job')?.hasAttribute('disabled')).toBe(true);
  });

  it('replaces the incidents section with the denial when the customer lacks Event and Incident Management', async () => {
    const narrowed = await resign(cw.world, cw.acme, { claims: { packages: ['hybrid_discovery_monitoring'] } });
    const { res, doc } = await page('/t/t_acme/alerts', narrowed);
    expect(res.status).toBe(200);
    expect(testId(doc, 'alert-table')).not.toBeNull();
    expect(testId(doc, 'incident-table')).toBeNull();
    expect(testId(doc, 'control-create-incident')).toBeNull();
    expect(testId(doc, 'incidents-access-denied')?.textContent).toBe(
      'Access Denied! The partner is not subscribed to this product package. (Event and Incident Management)',
    );
  });

  it('uses only permission ids of the catalogue in data-permission', async () => {
    const pages = await Promise.all([cw.acme, cw.globex].flatMap((t) => PAGE_IDS.map((id) => page(`/t/${t === cw.acme ? 't_acme' : 't_globex'}/${id}`, t))));
    const used = pages.flatMap(({ doc }) => [...doc.querySelectorAll('[data-permission]')].map((el) => el.getAttribute('data-permission')!));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((p) => !PERMISSIONS.has(p))).toEqual([]);
  });

  it('escapes what the token says', async () => {
    const hostile = await resign(cw.world, cw.acme, { claims: { tenant_name: '<img src=x onerror=alert(1)>' } });
    const { text, doc } = await page('/t/t_acme/dashboard', hostile);
    expect(text).not.toContain('<img src=x');
    expect(testId(doc, 'acting-tenant')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
