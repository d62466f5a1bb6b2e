import { html } from 'hono/html';
import { reportsData } from '../demo-data';
import { CONSOLE_PAGES } from '../page-catalogue';
import { controlBar } from './controls';
import type { Html } from './layout';
import type { PageContext } from './page-context';

export function reportsPage({ claims, scope }: PageContext): Html {
  return html`<h1>Reports</h1>
${controlBar(CONSOLE_PAGES.reports.controls, scope)}
<table data-testid="report-table">
<thead><tr><th>Report</th><th>Schedule</th><th>Format</th><th>Last generated</th></tr></thead>
<tbody>${reportsData(claims.tenant_id).map((r) => html`<tr><td>${r.name}</td><td>${r.schedule}</td><td>${r.format}</td><td>${r.lastGenerated}</td></tr>`)}</tbody>
</table>`;
}
