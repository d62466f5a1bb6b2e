// The active Switchboard user behind a verified sign-in identity (ours by id, an external issuer's by e-mail).
import type { Tx } from '../db/client';
import { findUserByEmail, findUserById, type UserWithHome } from '../db/users';
import type { Identity } from './tokens';

export async function userForIdentity(db: Tx, identity: Identity): Promise<UserWithHome | undefined> {
  const user = identity.userId ? await findUserById(db, identity.userId) : identity.email ? await findUserByEmail(db, identity.email) : undefined;
  return user && user.user.status === 'active' ? user : undefined;
}
