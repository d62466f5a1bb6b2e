// The BFF, reached only through Hono's typed client: every path and body is checked against AppType.
import { hc } from 'hono/client';
import type { AppType } from '../../bff/app';
import { BFF_URL } from './config';

export const createBffClient = (baseUrl: string = BFF_URL, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) =>
  hc<AppType>(baseUrl, { fetch: fetchImpl });

export type BffClient = ReturnType<typeof createBffClient>;
