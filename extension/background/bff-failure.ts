// Turns what the BFF (or the network) said into a Failure with a reason a person can act on.
import { errorBodySchema } from '../../shared/errors';
import { oauthErrorSchema } from '../../shared/oauth';
import type { Failure } from '../../shared/extension-messages';
import { failure } from '../utils/messaging';

/** A refusal: the BFF's own words (JSON API error or RFC 6749 error), else its status. */
export async function failureFrom(response: { status: number; headers: Headers; json(): Promise<unknown> }): Promise<Failure> {
  const body: unknown = await response.json().catch(() => null);
  // 503: the BFF is up but cannot serve (its database is busy, full or out of reach): to the
  // analyst that is the service being unreachable, and nothing it last said can be trusted as current.
  if (response.status === 503 || response.status === 502 || response.status === 504) {
    const retry = Number(response.headers.get('retry-after'));
    return failure('bff_unreachable', `Switchboard is unreachable (it answered ${response.status}); nothing was changed. Try again in ${retry > 0 ? `${retry} s` : 'a moment'}.`);
  }
  const api = errorBodySchema.safeParse(body);
  if (api.success) return failure(api.data.error.code, api.data.error.message);
  const oauth = oauthErrorSchema.safeParse(body);
  if (oauth.success) {
    const retry = response.headers.get('retry-after');
    const wait = oauth.data.error === 'temporarily_unavailable' && retry ? ` Try again in ${retry} s.` : '';
    return failure(oauth.data.error, `${oauth.data.error_description ?? oauth.data.error}${wait}`);
  }
  return failure(`http_${response.status}`, `The Switchboard service answered ${response.status}; nothing was changed.`);
}

/** The BFF could not be reached at all. */
export const unreachable = (err: unknown): Failure =>
  failure('bff_unreachable', `Switchboard is unreachable (${err instanceof Error ? err.message : 'network error'}); nothing was changed. Try again in a moment.`);

/** Runs a BFF call: its response (whatever the status), or `unreachable` when the network failed. */
export async function reach<R>(call: () => Promise<R>): Promise<{ response: R } | Failure> {
  try {
    return { response: await call() };
  } catch (err) {
    return unreachable(err);
  }
}
