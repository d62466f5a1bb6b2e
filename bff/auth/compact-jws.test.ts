import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { isCanonicalCompactJws } from './tokens';
import { signCompactEs256 } from './compact-jws';

const p256 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

describe('signCompactEs256', () => {
  it('makes tokens jose verifies, with the header and claims given', async () => {
    const { privateKey, publicKey } = p256();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = signCompactEs256({ kid: 'k1', typ: 'at+jwt' }, { iss: 'https://issuer.example', sub: 'u_1', aud: 'https://api.example', exp, scope: 'a b', é: 'ü' }, privateKey);
    expect(isCanonicalCompactJws(token)).toBe(true);
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, { issuer: 'https://issuer.example', audience: 'https://api.example', typ: 'at+jwt', algorithms: ['ES256'] });
    expect(protectedHeader).toEqual({ kid: 'k1', typ: 'at+jwt', alg: 'ES256' });
    expect(payload).toEqual({ iss: 'https://issuer.example', sub: 'u_1', aud: 'https://api.example', exp, scope: 'a b', é: 'ü' });
  });

  it('signs every token afresh (ECDSA is randomised) and each verifies only under its own key', async () => {
    const a = p256();
    const b = p256();
    const first = signCompactEs256({}, { n: 1 }, a.privateKey);
    const second = signCompactEs256({}, { n: 1 }, a.privateKey);
    expect(first).not.toBe(second);
    await expect(jwtVerify(second, a.publicKey)).resolves.toBeTruthy();
    await expect(jwtVerify(first, b.publicKey)).rejects.toThrow();
  });

  it('a changed payload no longer verifies', async () => {
    const { privateKey, publicKey } = p256();
    const [h, , s] = signCompactEs256({}, { scope: 'a' }, privateKey).split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ scope: 'a b' })).toString('base64url')}.${s}`;
    await expect(jwtVerify(forged, publicKey)).rejects.toThrow();
  });

  it('always says ES256, whatever the header asks', () => {
    const { privateKey } = p256();
    expect(decodeProtectedHeader(signCompactEs256({ alg: 'none' }, {}, privateKey)).alg).toBe('ES256');
  });

  it('refuses a key that is not a P-256 private key', () => {
    expect(() => signCompactEs256({}, {}, p256().publicKey)).toThrow(TypeError);
    expect(() => signCompactEs256({}, {}, generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey)).toThrow(TypeError);
    expect(() => signCompactEs256({}, {}, generateKeyPairSync('ed25519').privateKey)).toThrow(TypeError);
  });
});
