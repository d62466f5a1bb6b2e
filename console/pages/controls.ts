// Action buttons: enabled when the token's scope holds the control's permission, otherwise
// disabled and saying which permission is missing.
import { html } from 'hono/html';
import type { ConsoleControl } from '../page-catalogue';
import type { Html } from './layout';

export function controlButton(control: ConsoleControl, scope: ReadonlySet<string>): Html {
  const testId = `control-${control.id}`;
  return scope.has(control.permission)
    ? html`<button type="button" data-testid="${testId}" data-permission="${control.permission}">${control.label}</button>`
    : html`<button type="button" data-testid="${testId}" data-permission="${control.permission}" disabled aria-disabled="true" title="Missing permission: ${control.permission}">${control.label}</button>`;
}

export function controlBar(controls: readonly ConsoleControl[], scope: ReadonlySet<string>): Html {
  return html`<div class="controls">${controls.map((c) => controlButton(c, scope))}</div>`;
}
