import { html } from 'hono/html';
import { dashboardData } from '../demo-data';
import { CONSOLE_PAGES } from '../page-catalogue';
import { controlBar } from './controls';
import type { Html } from './layout';
import type { PageContext } from './page-context';

export function dashboardPage({ claims, scope }: PageContext): Html {
  const { widgets, resources } = dashboardData(claims.tenant_id);
  return html`<h1>Dashboard</h1>
${controlBar(CONSOLE_PAGES.dashboard.controls, scope)}
<section class="cards" data-testid="dashboard-widgets">
${widgets.map((w) => html`<div class="card"><div>${w.label}</div><div class="value">${w.value}</div></div>`)}
</section>
<p>Console API: acting for <span data-testid="api-tenant">checking…</span></p>
<h2>Busiest resources</h2>
<table data-testid="resource-table">
<thead><tr><th>Resource</th><th>CPU</th><th>Memory</th></tr></thead>
<tbody>${resources.map((r) => html`<tr><td>${r.name}</td><td>${r.cpu}%</td><td>${r.memory}%</td></tr>`)}</tbody>
</table>`;
}
