// The background's side of messaging: every request is parsed with the whole request union
// (shared/extension-messages.ts, loaded by the background alone) before anyone handles it.
import { browser } from 'wxt/browser';
import { backgroundRequestSchema, type BackgroundRequest } from '../../shared/extension-messages';
import { failure, receiveMessages, type MessageSender, type Runtime } from './messaging';

/** Serves background requests; `accept` decides, per sender, whether a request is heard at all. */
export function serveBackgroundRequests(
  handle: (request: BackgroundRequest, sender: MessageSender) => Promise<unknown>,
  accept: (request: BackgroundRequest, sender: MessageSender) => boolean,
  runtime: Runtime = browser.runtime,
) {
  receiveMessages(
    backgroundRequestSchema,
    (request, sender, sendResponse) => {
      if (!accept(request, sender)) return false;
      handle(request, sender).then(sendResponse, (err: unknown) =>
        sendResponse(failure('internal', err instanceof Error ? err.message : 'the request failed')),
      );
      return true; // answered asynchronously (shared/RECIPES.md: sendResponse + true works everywhere)
    },
    runtime,
  );
}
