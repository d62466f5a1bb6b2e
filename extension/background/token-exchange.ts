// RFC 8693 token exchange: the session token in, a token for exactly one customer out.
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT, tokenExchangeResponseSchema } from '../../shared/oauth';
import type { Failure } from '../../shared/extension-messages';
import type { BffClient } from '../utils/bff-client';
import { EXTENSION_CLIENT_ID } from '../utils/config';
import { failure } from '../utils/messaging';
import { failureFrom, reach } from './bff-failure';

export interface CustomerToken {
  ok: true;
  token: string;
  expiresAt: Date;
}

export async function exchangeForCustomer(bff: BffClient, sessionToken: string, tenantId: string, resource: string, now: number): Promise<CustomerToken | Failure> {
  const reached = await reach(() =>
    bff.oauth.token.$post({
      form: {
        grant_type: TOKEN_EXCHANGE_GRANT,
        client_id: EXTENSION_CLIENT_ID,
        subject_token: sessionToken,
        subject_token_type: ACCESS_TOKEN_TYPE,
        audience: tenantId,
        resource,
      },
    }),
  );
  if (!('response' in reached)) return reached;
  const { response } = reached;
  if (response.status !== 200) return failureFrom(response);
  const parsed = tokenExchangeResponseSchema.safeParse(await response.json());
  if (!parsed.success) return failure('bad_answer', 'The Switchboard service answered the switch with something unexpected.');
  return { ok: true, token: parsed.data.access_token, expiresAt: new Date(now + parsed.data.expires_in * 1000) };
}
