// The BFF: every resource sub-app chained here, so `AppType` carries every route for `hc`.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import { errorBody, notFound, onError } from './middleware/errors';
import { accessRoutes } from './routes/access';
import { brandingRoutes } from './routes/branding';
import { auditRoutes } from './routes/audit';
import { catalogueRoutes } from './routes/catalogue';
import { customerViewRoutes } from './routes/customer-views';
import { extensionRequestRoutes } from './routes/extension-requests';
import { grantAdminRoutes } from './routes/grants-admin';
import { invitationRoutes } from './routes/invitations';
import { meRoutes } from './routes/me';
import { oauthRoutes } from './routes/oauth';
import { relationshipRoutes } from './routes/relationships';
import { sessionRoutes } from './routes/session';
import { tenantAdminRoutes } from './routes/tenant-admin';
import { tenantRoutes } from './routes/tenants';
import { userViewRoutes } from './routes/user-views';
import { wellKnownRoutes } from './routes/well-known';

const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono()
    .use(secureHeaders())
    .route('/v1/branding', brandingRoutes(deps)) // before the /v1 body limit: image uploads set their own
    .use('/v1/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody('invalid_request', `request body over ${MAX_BODY_BYTES} bytes`), 413) }))
    .get('/healthz', (c) => c.json({ status: 'ok' as const }, 200))
    .route('/v1/session', sessionRoutes(deps))
    .route('/v1/me', meRoutes(deps))
    .route('/v1/access', accessRoutes(deps))
    .route('/v1/tenants', tenantRoutes(deps))
    .route('/v1/catalogue', catalogueRoutes())
    .route('/v1/relationships', relationshipRoutes(deps))
    .route('/v1/grants', grantAdminRoutes(deps))
    .route('/v1/extension-requests', extensionRequestRoutes(deps))
    .route('/v1/partners/:partnerId/customers', customerViewRoutes(deps))
    .route('/v1/partners/:partnerId/users', userViewRoutes(deps))
    .route('/v1/audit', auditRoutes(deps))
    .route('/v1/admin/tenants', tenantAdminRoutes(deps))
    .route('/v1/invitations', invitationRoutes(deps))
    .route('/.well-known', wellKnownRoutes(deps))
    .route('/oauth', oauthRoutes(deps));
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
