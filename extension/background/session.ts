// The analyst's Switchboard session: signed in against the BFF, held by the background only.
import { sessionResponseSchema } from '../../shared/session';
import type { Failure } from '../../shared/extension-messages';
import type { UserSummary } from '../../shared/common';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import { sessionItem, type StoredSession } from '../utils/storage';
import { failureFrom, reach } from './bff-failure';

export interface SessionDeps {
  bff: BffClient;
  now: () => number;
}

export function createSession({ bff, now }: SessionDeps) {
  /** The live session, or null when signed out or expired. */
  async function current(): Promise<StoredSession | null> {
    const session = await sessionItem.getValue();
    return session && Date.parse(session.expiresAt) > now() ? session : null;
  }

  async function signIn(email: string, password: string): Promise<{ ok: true; user: UserSummary } | Failure> {
    const reached = await reach(() => bff.v1.session.$post({ json: { email, password } }));
    if (!('response' in reached)) return reached;
    const { response } = reached;
    if (response.status !== 200) return failureFrom(response);
    const parsed = sessionResponseSchema.safeParse(await response.json());
    if (!parsed.success) return failure('bad_answer', 'The Switchboard service answered the sign-in with something unexpected.');
    const { session_token, expires_in, user } = parsed.data;
    await sessionItem.setValue({ token: session_token, user, expiresAt: new Date(now() + expires_in * 1000).toISOString() });
    return { ok: true, user };
  }

  /** Forgets the session here first, then revokes it at the BFF (RFC 7009), which also ends its customer tokens. */
  async function signOut(): Promise<void> {
    const session = await sessionItem.getValue();
    await sessionItem.removeValue();
    if (!session) return;
    await reach(() => bff.oauth.revoke.$post({ form: { token: session.token } }, { headers: { authorization: `Bearer ${session.token}` } }));
  }

  return { current, signIn, signOut };
}

export type Session = ReturnType<typeof createSession>;
