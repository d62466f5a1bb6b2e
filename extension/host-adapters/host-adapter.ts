// What the extension needs to know about one monitoring web app: which pages are its, which
// customer a page is for, how to land on the same page for another customer, and which requests
// carry a customer's token. A new monitoring app is supported by writing one more adapter.
export interface HostAdapter {
  readonly name: string;
  /** The app's URL as the BFF knows it: the RFC 8707 `resource` and `aud` of its customer tokens. */
  readonly resource: string;
  /** Manifest match patterns, without a port (shared/RECIPES.md: Firefox ignores ported patterns). */
  readonly matches: readonly string[];
  /** True when the URL is a page of this app (origin and port checked exactly). */
  owns(url: URL): boolean;
  /** The customer a URL is for, or null (a login or landing page). */
  tenantFromUrl(url: URL): string | null;
  /** The customer a rendered page says it is for, when the URL does not. */
  tenantFromDocument(doc: Document): string | null;
  /** Where to go to act for `tenantId`: the same page when `current` is one of the app's. */
  switchUrl(current: URL | null, tenantId: string): string;
  /** declarativeNetRequest `urlFilter` of every request that must carry `tenantId`'s token. */
  tokenUrlFilter(tenantId: string): string;
}
