import { html } from 'hono/html';
import { automationData } from '../demo-data';
import { CONSOLE_PAGES } from '../page-catalogue';
import { controlBar } from './controls';
import type { Html } from './layout';
import type { PageContext } from './page-context';

export function automationPage({ claims, scope }: PageContext): Html {
  const { jobs, patchesAwaitingApproval } = automationData(claims.tenant_id);
  return html`<h1>Automation</h1>
${controlBar(CONSOLE_PAGES.automation.controls, scope)}
<p data-testid="patches-awaiting">${patchesAwaitingApproval} patches awaiting approval</p>
<h2>Jobs</h2>
<table data-testid="job-table">
<thead><tr><th>Job</th><th>Targets</th><th>Schedule</th><th>Last run</th></tr></thead>
<tbody>${jobs.map((j) => html`<tr><td>${j.name}</td><td>${j.targets}</td><td>${j.schedule}</td><td>${j.lastRun}</td></tr>`)}</tbody>
</table>`;
}
