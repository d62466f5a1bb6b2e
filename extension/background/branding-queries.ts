// The branding editor's BFF calls, made by the background with the session token (which never
// leaves it) through the typed client. Answers are parsed with the shared contract; refusals keep
// the BFF's own words (and its findings, for a draft or an image refused for its content).
import type * as z from 'zod/mini';
import {
  brandingChangesSchema,
  brandingDraftSchema,
  brandingImageUploadSchema,
  brandingPublishedSchema,
  brandingRefusalSchema,
  brandingViewSchema,
  type BrandingImageField,
  type BrandingInput,
} from '../../shared/branding';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import { failureFrom, reach } from './bff-failure';

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
type Answer = { status: number; headers: Headers; json(): Promise<unknown>; clone(): Answer };

async function parsed<S extends z.ZodMiniType, K extends string>(response: Answer, ok: number, schema: S, key: K, what: string) {
  if (response.status !== ok) {
    const refusal = brandingRefusalSchema.safeParse(await response.clone().json().catch(() => null));
    if (refusal.success) return { ok: false as const, error: refusal.data.error.code, message: refusal.data.error.message, issues: refusal.data.issues };
    return failureFrom(response);
  }
  const body = schema.safeParse(await response.json().catch(() => null));
  if (!body.success) return failure('bad_answer', `The Switchboard service sent ${what} that does not parse.`);
  return { ok: true as const, [key]: body.data } as { ok: true } & Record<K, z.infer<S>>;
}

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function brandingQueries(bff: BffClient) {
  const tenant = (tenantId: string) => bff.v1.branding[':tenantId'];
  const call = async (ask: () => Promise<Answer>) => reach(ask);
  return {
    async view(token: string, tenantId: string) {
      const r = await call(() => tenant(tenantId).$get({ param: { tenantId } }, bearer(token)));
      return 'response' in r ? parsed(r.response, 200, brandingViewSchema, 'view', 'a branding view') : r;
    },
    async image(token: string, tenantId: string, imageId: string) {
      const r = await call(() => tenant(tenantId).images[':imageId'].$get({ param: { tenantId, imageId } }, bearer(token)));
      if (!('response' in r)) return r;
      const response = r.response as unknown as Response;
      if (response.status !== 200) return failureFrom(response);
      const type = response.headers.get('content-type')?.split(';')[0];
      if (type !== 'image/png' && type !== 'image/jpeg') return failure('bad_answer', 'The Switchboard service sent an image that is neither PNG nor JPEG.');
      return { ok: true as const, dataUrl: `data:${type};base64,${toBase64(new Uint8Array(await response.arrayBuffer()))}` };
    },
    async upload(token: string, tenantId: string, field: BrandingImageField, fileName: string, base64: string) {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(base64);
      } catch {
        return failure('invalid_request', 'The image did not arrive intact; drop it again.');
      }
      // Multipart (`field` + `file`); the route ignores the name and declared type: content decides.
      const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName || 'image');
      const upload = { param: { tenantId }, form: { field, file } };
      const r = await call(() => tenant(tenantId).images.$post(upload, bearer(token)));
      return 'response' in r ? parsed(r.response, 201, brandingImageUploadSchema, 'upload', 'an upload answer') : r;
    },
    async saveDraft(token: string, tenantId: string, baseVersion: number, values: BrandingInput) {
      const r = await call(() => tenant(tenantId).draft.$put({ param: { tenantId }, json: { base_version: baseVersion, values } }, bearer(token)));
      return 'response' in r ? parsed(r.response, 200, brandingDraftSchema, 'draft', 'a draft') : r;
    },
    async changes(token: string, tenantId: string, version?: number) {
      const query = version === undefined ? {} : { version: String(version) };
      const r = await call(() => tenant(tenantId).changes.$get({ param: { tenantId }, query }, bearer(token)));
      return 'response' in r ? parsed(r.response, 200, brandingChangesSchema, 'changes', 'a change summary') : r;
    },
    async publish(token: string, tenantId: string, expectedVersion: number) {
      const r = await call(() => tenant(tenantId).publish.$post({ param: { tenantId }, json: { expected_version: expectedVersion } }, bearer(token)));
      return 'response' in r ? parsed(r.response, 200, brandingPublishedSchema, 'published', 'a published version') : r;
    },
    async rollback(token: string, tenantId: string, toVersion: number, expectedVersion: number) {
      const r = await call(() => tenant(tenantId).rollback.$post({ param: { tenantId }, json: { to_version: toVersion, expected_version: expectedVersion } }, bearer(token)));
      return 'response' in r ? parsed(r.response, 200, brandingPublishedSchema, 'published', 'a published version') : r;
    },
  };
}

export type BrandingQueries = ReturnType<typeof brandingQueries>;
