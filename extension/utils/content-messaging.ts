// The content script's side of messaging: what the background tells its tab, parsed on arrival.
import { browser } from 'wxt/browser';
import { contentMessageSchema, type ContentMessage } from '../../shared/content-messages';
import { receiveMessages, type Runtime } from './messaging';

/** Listens, in a content script, for what the background tells its tab (the background only). */
export function onContentMessage(listener: (message: ContentMessage) => void, runtime: Runtime = browser.runtime) {
  return receiveMessages(
    contentMessageSchema,
    (message, sender) => {
      if (sender.id === runtime.id && !sender.tab) listener(message);
      return false;
    },
    runtime,
  );
}
