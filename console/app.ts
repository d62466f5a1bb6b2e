// The reference monitoring console: a stand-in for an MSP's monitoring web app that trusts only
// customer tokens issued by the BFF. Built from injected dependencies so tests can run it in-process.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { idSchema } from '../shared/common';
import { CONSOLE_SCRIPT } from './assets/console-script';
import type { BrandingSource } from './branding-source';
import { brandingImages } from './routes/branding-images';
import { notFoundPage } from './pages/not-found-page';
import { signInPage } from './pages/sign-in-page';
import { tenantApi } from './routes/tenant-api';
import { tenantPages } from './routes/tenant-pages';
import type { TokenVerifierDeps } from './verify-customer-token';

/** issuer: the BFF's issuer URL; audience: this console's URL; jwks: the BFF's keys; clock: now; branding: the BFF's published branding. */
export type ConsoleDeps = TokenVerifierDeps & { branding: BrandingSource };

export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

// A page of one customer must never be served later from a cache, to anyone.
const noStore = createMiddleware(async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
});

const knownTenantId = createMiddleware(async (c, next) => {
  if (!idSchema.safeParse(c.req.param('tenantId')).success) return c.html(notFoundPage(), 404);
  await next();
});

export function createConsoleApp(deps: ConsoleDeps) {
  const toDashboard = (tenantId: string) => `/t/${tenantId}/dashboard`;
  return new Hono()
    .use(secureHeaders({ referrerPolicy: 'no-referrer', xFrameOptions: 'DENY' }))
    .use(async (c, next) => {
      await next();
      c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    })
    .use('/t/*', noStore)
    .use('/t/:tenantId', knownTenantId)
    .use('/t/:tenantId/*', knownTenantId)
    .get('/', (c) => c.html(signInPage(), 200))
    .get('/login', (c) => c.html(signInPage(), 200))
    .route('/branding', brandingImages(deps.branding))
    .get('/assets/console.js', (c) => c.body(CONSOLE_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/t/:tenantId', (c) => c.redirect(toDashboard(c.req.param('tenantId')), 302))
    .get('/t/:tenantId/', (c) => c.redirect(toDashboard(c.req.param('tenantId')), 302))
    .route('/t/:tenantId/api', tenantApi(deps))
    .route('/t/:tenantId', tenantPages(deps))
    .notFound((c) => c.html(notFoundPage(), 404))
    .onError((err, c) => {
      console.error('console: unexpected error', err);
      return c.text('Something went wrong.', 500);
    });
}

export type ConsoleApp = ReturnType<typeof createConsoleApp>;
