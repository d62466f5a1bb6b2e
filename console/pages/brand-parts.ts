// The branded parts of every console page, each carrying the stable `data-brand` hooks the
// extension's live preview targets (docs/branding.md, "Console hooks for the live preview").
import { html, raw } from 'hono/html';
import type { PageBranding } from '../page-branding';
import type { Html } from './layout';

/** :root custom properties. Built as text from values page-branding.ts already checked (hex colours, id-only paths), since a <style> element decodes no entities. */
export function brandStyle(brand: PageBranding): Html {
  const image = brand.backgroundImageUrl ? `url("${brand.backgroundImageUrl}")` : 'none';
  return html`<style data-brand="style">${raw(`:root { --brand-text: ${brand.textColour}; --brand-background: ${brand.backgroundColour}; --brand-background-image: ${image}; }`)}</style>`;
}

const logo = (brand: PageBranding, className: string) =>
  html`<img data-brand="logo" data-testid="${className}" class="${className}" src="${brand.logoUrl ?? 'data:,'}" alt="${brand.siteName} logo"${brand.logoUrl ? undefined : html` hidden`}>`;

export function brandHeader(brand: PageBranding, acting: Html | undefined): Html {
  return html`<div id="console-header"><a class="brand" href="/">${logo(brand, 'brand-logo')}<span data-brand="site-name" data-testid="brand-name">${brand.siteName}</span></a>
<a data-brand="docs-link" data-testid="brand-docs" class="docs-link" href="${brand.docsUrl ?? '#'}" rel="noopener"${brand.docsUrl ? undefined : html` hidden`}>Documentation</a>${acting}</div>`;
}

export function brandFooter(brand: PageBranding): Html {
  const hidden = (value: string | null) => (value ? undefined : html` hidden`);
  return html`<footer data-testid="brand-footer"><span data-brand="company-name" data-testid="brand-company"${hidden(brand.companyName)}>${brand.companyName ?? ''}</span>
<a data-brand="portal-url" data-testid="brand-portal" href="${brand.portalUrl ?? '#'}"${hidden(brand.portalUrl)}>${brand.portalUrl ?? ''}</a></footer>`;
}

/** Seed 000's login page: background image under an overlay, the logo in a layer of the background colour, header and sub-header in the text colour. */
export function loginPanel(brand: PageBranding, body?: Html): Html {
  return html`<section class="brand-login" data-brand="login" data-testid="brand-login">
<div class="brand-login-card">${logo(brand, 'brand-login-logo')}
<h1 data-brand="login-header" data-testid="brand-login-header">${brand.loginHeader}</h1>
<p data-brand="login-subheader" data-testid="brand-login-subheader">${brand.loginSubheader}</p>
</div>${body ? html`<div class="brand-login-body">${body}</div>` : undefined}
</section>`;
}

/** The login panel with the published look, on every page, for the preview to clone. */
export const loginTemplate = (brand: PageBranding): Html => html`<template id="brand-login-template">${loginPanel(brand)}</template>`;
