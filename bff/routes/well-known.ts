// /.well-known: the signing keys (RFC 7517) and the authorization server metadata (RFC 8414).
import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import { authorizationServerMetadata } from '../oauth/metadata';

export const wellKnownRoutes = (deps: AppDeps) =>
  new Hono()
    .get('/jwks.json', async (c) => {
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(await deps.keys.jwks(), 200);
    })
    .get('/oauth-authorization-server', (c) => c.json(authorizationServerMetadata(deps.config), 200));
