// Signing key rotation as resource servers see it through the published JWKS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { DEMO } from '../db/seed';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { RESOURCE, exchange, expectIssued, introspect, roomyLimits } from '../../test/helpers/oauth-requests';
import { signingKeys } from '../db/schema';
import { MAX_SESSION_SECONDS } from '../config';

const T = DEMO.tenants;
const U = DEMO.users;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('signing key rotation', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld({ config: roomyLimits });
  });
  afterAll(async () => {
    await world.close();
  });

  const jwks = async () => {
    const res = await fetch(`${world.baseUrl}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    return (await res.json()) as JSONWebKeySet;
  };

  it('keeps old tokens verifiable, signs with the new key, and unpublishes the old key after publishUntil', async () => {
    const analyst = await world.signIn(U.contosoAnalyst.email);
    const before = (await expectIssued(await exchange(world, analyst, T.acme))).response.access_token;
    const oldKid = decodeProtectedHeader(before).kid!;
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([oldKid]);

    world.clock.advance(MINUTE);
    const newKid = await world.deps.keys.rotate();
    expect(newKid).not.toBe(oldKid);

    const published = await jwks();
    expect(published.keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
    for (const k of published.keys) {
      expect(k).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(k).not.toHaveProperty('d');
    }

    const verifyOpts = { issuer: world.baseUrl, audience: RESOURCE, typ: 'at+jwt', currentDate: world.clock() };
    const old = await jwtVerify(before, createLocalJWKSet(published), verifyOpts);
    expect(old.protectedHeader.kid).toBe(oldKid);
    // The BFF itself still honours the old token and the session signed before rotation.
    expect((await introspect(world, before)).body).toMatchObject({ active: true, tenant_id: T.acme });

    const after = (await expectIssued(await exchange(world, analyst, T.globex))).response.access_token;
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    await jwtVerify(after, createLocalJWKSet(published), verifyOpts);

    const oldRow = await world.database.db.select().from(signingKeys).where(eq(signingKeys.kid, oldKid)).get();
    expect(oldRow?.publishUntil).toBeInstanceOf(Date);
    // Published for as long as any token it signed can live under any configuration, plus a minute.
    expect(oldRow!.publishUntil!.getTime()).toBe(world.clock().getTime() + MAX_SESSION_SECONDS * 1000 + MINUTE);

    world.clock.set(new Date(oldRow!.publishUntil!.getTime() - 1000));
    expect((await jwks()).keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
    world.clock.set(new Date(oldRow!.publishUntil!.getTime() + 1000));
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([newKid]);
  });
});
