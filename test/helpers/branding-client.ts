// Calls of the branding API for tests, in-process through `app.request()` with a session token.
import type { TestWorld } from './test-server';

export interface BrandingClient {
  get(path: string): Promise<Response>;
  send(method: 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response>;
  upload(tenantId: string, field: string, bytes: Uint8Array, name?: string, type?: string): Promise<Response>;
}

export function brandingClient(world: TestWorld, token: string | undefined): BrandingClient {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const url = (path: string) => `/v1/branding/${path}`;
  return {
    get: (path) => Promise.resolve(world.app.request(url(path), { headers: auth })),
    send: (method, path, body) =>
      Promise.resolve(world.app.request(url(path), { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })),
    upload: (tenantId, field, bytes, name = 'image.png', type = 'image/png') => {
      const form = new FormData();
      form.set('field', field);
      form.set('file', new File([new Uint8Array(bytes)], name, { type }));
      return Promise.resolve(world.app.request(url(`${tenantId}/images`), { method: 'POST', headers: auth, body: form }));
    },
  };
}

/** Uploads an image, saves a draft with `values` (images by upload), and publishes it; returns the published version. */
export async function publishBranding(client: BrandingClient, tenantId: string, values: Record<string, unknown>): Promise<number> {
  const view = (await (await client.get(tenantId)).json()) as { published: { version: number } | null };
  const expected = view.published?.version ?? 0;
  const saved = await client.send('PUT', `${tenantId}/draft`, { base_version: expected, values });
  if (saved.status !== 200) throw new Error(`draft refused: ${saved.status} ${await saved.text()}`);
  const published = await client.send('POST', `${tenantId}/publish`, { expected_version: expected });
  if (published.status !== 200) throw new Error(`publish refused: ${published.status} ${await published.text()}`);
  return ((await published.json()) as { published: { version: number } }).published.version;
}
