// Seed 000's package warning, with the package named after it.
import { html } from 'hono/html';
import { PACKAGES, type PackageId } from '../../shared/catalogue';
import type { Html } from './layout';

export const ACCESS_DENIED_MESSAGE = 'Access Denied! The partner is not subscribed to this product package.';

export const accessDeniedText = (pkg: PackageId) => `${ACCESS_DENIED_MESSAGE} (${PACKAGES[pkg].name})`;

export function accessDeniedNotice(pkg: PackageId, testId = 'access-denied'): Html {
  return html`<p class="notice" data-testid="${testId}" data-package="${pkg}">${accessDeniedText(pkg)}</p>`;
}
