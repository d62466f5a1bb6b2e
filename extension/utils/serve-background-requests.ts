// The background's side of messaging: every request is parsed with the whole request union
// (shared/extension-messages.ts, loaded by the background alone) before anyone handles it.
import { browser } from 'wxt/browser';
import { backgroundRequestSchema, type BackgroundRequest } from '../../shared/extension-messages';
import { failure, type MessageSender, type Runtime } from './messaging';

/** Serves background requests; `accept` decides, per sender, whether a request is heard at all. */
export function serveBackgroundRequests(
  handle: (request: BackgroundRequest, sender: MessageSender) => Promise<unknown>,
  accept: (request: BackgroundRequest, sender: MessageSender) => boolean,
  runtime: Runtime = browser.runtime,
) {
  runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => {
    const parsed = backgroundRequestSchema.safeParse(message);
    if (!parsed.success || !accept(parsed.data, sender)) return false;
    handle(parsed.data, sender).then(sendResponse, (err: unknown) =>
      sendResponse(failure('internal', err instanceof Error ? err.message : 'the request failed')),
    );
    return true; // answered asynchronously (shared/RECIPES.md: sendResponse + true works everywhere)
  });
}
