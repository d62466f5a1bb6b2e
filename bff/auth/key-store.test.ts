// Signing key rotation as resource servers see it through the published JWKS.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { DEMO } from '../db/seed';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { RESOURCE, exchange, expectIssued, introspect, roomyLimits } from '../../test/helpers/oauth-requests';
import { signingKeys } from '../db/schema';
import { MAX_KEYS_REFRESH_SECONDS, MAX_SESSION_SECONDS } from '../config';
import { KeyStore } from './key-store';

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

describe('keys rotated by another instance (bounded staleness, KEYS_REFRESH_SECONDS)', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld({ listen: false, seed: false });
  });
  afterAll(async () => {
    await world.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const kids = async (keys: KeyStore) => (await keys.jwks()).keys.map((k) => k.kid).sort();
  /** Two instances on one database: A rotates, B had loaded the keys at the same wall-clock instant. */
  async function twoInstances(refreshSeconds: number) {
    // Only Date is faked: the cache's age is wall time, the database driver keeps its own timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    const a = new KeyStore(world.database, world.clock, { refreshSeconds });
    const b = new KeyStore(world.database, world.clock, { refreshSeconds });
    await a.init();
    await b.init();
    const oldKid = (await b.signingKey()).kid;
    const newKid = await a.rotate();
    return { a, b, t0, oldKid, newKid };
  }

  it('B publishes and signs with the new key once its copy is refreshSeconds old, and not later', async () => {
    const { b, t0, oldKid, newKid } = await twoInstances(5);
    vi.setSystemTime(t0 + 4_999);
    // Within the bound B may still be stale: the old key signs and the new one is not published yet.
    expect(await kids(b)).toEqual([oldKid]);
    expect((await b.signingKey()).kid).toBe(oldKid);
    vi.setSystemTime(t0 + 5_000);
    expect(await kids(b)).toEqual([oldKid, newKid].sort());
    expect((await b.signingKey()).kid).toBe(newKid);
  });

  it('B verifies a token signed by a key it has not loaded yet without waiting for the refresh', async () => {
    const { b, t0, newKid } = await twoInstances(MAX_KEYS_REFRESH_SECONDS);
    vi.setSystemTime(t0 + 1_001);
    expect(await b.verificationKey(newKid)).toBeDefined();
  });

  it('a token B signs with the stale key still verifies for as long as it can live', async () => {
    const { b, oldKid } = await twoInstances(MAX_KEYS_REFRESH_SECONDS);
    // The retired key stays published MAX_SESSION_SECONDS plus a minute after the rotation, which
    // covers a session B signs with it up to MAX_KEYS_REFRESH_SECONDS later.
    const row = await world.database.db.select().from(signingKeys).where(eq(signingKeys.kid, oldKid)).get();
    const lastStaleSessionExpiry = row!.retiredAt!.getTime() + (MAX_KEYS_REFRESH_SECONDS + MAX_SESSION_SECONDS) * 1000;
    expect(row!.publishUntil!.getTime()).toBeGreaterThanOrEqual(lastStaleSessionExpiry);
    expect((await b.signingKey()).kid).toBe(oldKid);
  });
});
