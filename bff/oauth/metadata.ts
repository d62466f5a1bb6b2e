// RFC 8414 authorization server metadata.
import type { AppConfig } from '../config';
import { SIGNING_ALG } from '../auth/key-store';
import { TOKEN_EXCHANGE_GRANT, TOKEN_TYPES } from '../../shared/oauth';

export function authorizationServerMetadata(config: AppConfig) {
  const base = config.issuer.replace(/\/$/, '');
  return {
    issuer: config.issuer,
    token_endpoint: `${base}/oauth/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    introspection_endpoint: `${base}/oauth/introspect`,
    revocation_endpoint: `${base}/oauth/revoke`,
    grant_types_supported: [TOKEN_EXCHANGE_GRANT],
    token_endpoint_auth_methods_supported: ['none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'bearer'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'bearer'],
    response_types_supported: [],
    subject_token_types_supported: [...TOKEN_TYPES],
    access_token_signing_alg_values_supported: [SIGNING_ALG],
  };
}
