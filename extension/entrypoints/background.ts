import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/start-background';
import { hostAdapters } from '../host-adapters/registry';
import { createBffClient } from '../utils/bff-client';

export default defineBackground(() => {
  startBackground({ browser, bff: createBffClient(), adapters: hostAdapters, now: Date.now });
});
