// @vitest-environment node
import { it } from 'vitest';
import { ANALYST_EMAIL, CONSOLE_URL, DEMO_PASSWORD, startBffWorld } from '../test-support/bff-world';
import { exchangeForCustomer } from './token-exchange';
it('probe', async () => {
  const w = await startBffWorld();
  const token = await w.world.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
  for (const t of ['t_acme', 't_globex', 't_initech', 't_umbrella', 't_wayne']) console.log(t, JSON.stringify(await exchangeForCustomer(w.bff, token, t, CONSOLE_URL, w.now())));
  console.log(w.calls);
  await w.world.close();
});
