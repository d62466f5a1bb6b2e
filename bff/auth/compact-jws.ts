// ES256 compact JWS signed by node:crypto directly. jose 6 signs through WebCrypto even with a
// KeyObject (a thread-pool round trip per token, about a third of node:crypto's rate here); this
// only assembles the RFC 7515 compact form around node:crypto's signature (IEEE P1363 r||s, as
// JWS requires). Verified against jose's jwtVerify in compact-jws.test.ts.
import { sign, type KeyObject } from 'node:crypto';

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Whether `key` can sign ES256: a private key on the P-256 curve. */
export const isEs256PrivateKey = (key: KeyObject) =>
  key.type === 'private' && key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';

/** `header` (alg is set to ES256) and `payload` as a compact JWS signed with `privateKey`. */
export function signCompactEs256(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  if (!isEs256PrivateKey(privateKey)) throw new TypeError('ES256 needs a P-256 private key');
  const input = `${segment({ ...header, alg: 'ES256' })}.${segment(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
