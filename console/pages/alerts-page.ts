import { html } from 'hono/html';
import { alertsData, incidentsData } from '../demo-data';
import { CONSOLE_PAGES, INCIDENTS_SECTION } from '../page-catalogue';
import { accessDeniedNotice } from './access-denied';
import { controlBar } from './controls';
import type { Html } from './layout';
import type { PageContext } from './page-context';

function incidentsSection({ claims, scope, packages }: PageContext): Html {
  if (!packages.has(INCIDENTS_SECTION.package)) return accessDeniedNotice(INCIDENTS_SECTION.package, 'incidents-access-denied');
  return html`${controlBar(INCIDENTS_SECTION.controls, scope)}
<table data-testid="incident-table">
<thead><tr><th>Incident</th><th>Subject</th><th>Priority</th><th>Status</th></tr></thead>
<tbody>${incidentsData(claims.tenant_id).map((i) => html`<tr><td>${i.id}</td><td>${i.subject}</td><td>${i.priority}</td><td>${i.status}</td></tr>`)}</tbody>
</table>`;
}

export function alertsPage(context: PageContext): Html {
  const alerts = alertsData(context.claims.tenant_id);
  return html`<h1>Alerts</h1>
${controlBar(CONSOLE_PAGES.alerts.controls, context.scope)}
<table data-testid="alert-table">
<thead><tr><th>Alert</th><th>Severity</th><th>Resource</th><th>Message</th><th>Raised</th></tr></thead>
<tbody>${alerts.map(
    (a) => html`<tr><td>${a.id}</td><td class="severity-${a.severity}">${a.severity}</td><td>${a.resource}</td><td>${a.message}</td><td>${a.minutesAgo} min ago</td></tr>`,
  )}</tbody>
</table>
<section data-testid="incidents-section">
<h2>Incidents</h2>
${incidentsSection(context)}
</section>`;
}
