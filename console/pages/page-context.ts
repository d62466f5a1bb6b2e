import type { CustomerClaims } from '../customer-claims';

/** What a page renderer knows: the verified token, its permissions and the customer's packages. */
export interface PageContext {
  claims: CustomerClaims;
  scope: ReadonlySet<string>;
  packages: ReadonlySet<string>;
}
