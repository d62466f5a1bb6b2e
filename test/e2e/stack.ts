// The real servers the extension talks to: the BFF (temp-file libSQL, the demo MSP seeded now) and
// the reference console, on the ports the extension was built for.
import { afterAll, beforeAll, inject } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startConsole } from '../../console/server';
import { startTestWorld, type TestWorld } from '../helpers/test-server';
import { offsetClock } from '../helpers/offset-clock';
import type { E2eSetup } from './build-extension';

export interface Stack {
  world: TestWorld;
  clock: ReturnType<typeof offsetClock>;
  bffUrl: string;
  consoleUrl: string;
  close(): Promise<void>;
}

export async function startStack(setup: E2eSetup): Promise<Stack> {
  const clock = offsetClock();
  const consoleUrl = `http://127.0.0.1:${setup.consolePort}`;
  const world = await startTestWorld({ port: setup.bffPort, clock, config: { resources: [consoleUrl] } });
  const console = await startConsole({ port: setup.consolePort, host: '127.0.0.1', bffUrl: world.baseUrl, publicUrl: consoleUrl, clock });
  return {
    world,
    clock,
    bffUrl: world.baseUrl,
    consoleUrl,
    async close() {
      await console.close();
      await world.close();
    },
  };
}


/** The servers and Chromium with the built extension, started before a test file and closed after it. */
export function useStackWithChromium(): { stack: Stack; browser: ExtensionBrowser } {
  const run = {} as { stack: Stack; browser: ExtensionBrowser };
  beforeAll(async () => {
    run.stack = await startStack(inject('e2e'));
    run.browser = await launchWithExtension(inject('e2e').chromeDir);
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.stack?.close();
  });
  return run;
}
