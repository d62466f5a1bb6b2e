// A real BFF in-process for background tests: the test world of test/helpers (temp-file libSQL,
// seeded demo MSP, manual clock at SEEDED_AT) behind the extension's own typed client. The fetch
// shim records every answer's status and can play a BFF that is down.
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { createBffClient, type BffClient } from '../utils/bff-client';

// Written out rather than imported: the extension may import BFF code as types only
// (test/conventions.test.ts). They are bff/db/seed.ts's demo password and accounts.
export const DEMO_PASSWORD = 'switchboard-demo';
export const ANALYST_EMAIL = 'analyst@contoso-msp.example';
export const ANALYST_ID = 'u_contoso_analyst';
/** The console as the BFF knows it by default (defaultConfig().resources[0]). */
export const CONSOLE_URL = 'http://127.0.0.1:8788';

export interface BffWorld {
  world: TestWorld;
  bff: BffClient;
  /** Method, path and status of every answer, in order. */
  calls: { method: string; path: string; status: number }[];
  /** While true, every request fails as a refused connection would. */
  down: boolean;
  /** The world's clock, in epoch ms, for the extension's `now`. */
  now: () => number;
}

export async function startBffWorld(): Promise<BffWorld> {
  const world = await startTestWorld({ listen: false });
  const state: BffWorld = {
    world,
    calls: [],
    down: false,
    now: () => world.clock().getTime(),
    bff: undefined as unknown as BffClient,
  };
  // hc calls fetch(url string, init); a Request is built here so any input shape reaches the app.
  state.bff = createBffClient('http://bff.test', async (input, init) => {
    if (state.down) throw new TypeError('fetch failed: connect ECONNREFUSED');
    const request = new Request(input, init);
    const response = await world.app.request(request);
    state.calls.push({ method: request.method, path: new URL(request.url).pathname, status: response.status });
    return response;
  });
  return state;
}
