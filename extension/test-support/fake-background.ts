// The background as a content script or extension page meets it in tests: requests sent with the
// real `askBackground` through WXT's fake browser, parsed with the shared schema, answered by the
// test; and messages the background sends a tab, delivered as Chromium delivers them.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundRequestSchema, type BackgroundRequest, type ContentMessage } from '../../shared/extension-messages';

/** Answers every background request with `answer`; `asked` lists them in order. */
export function fakeBackground(answer: (request: BackgroundRequest) => unknown) {
  const asked: BackgroundRequest[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const parsed = backgroundRequestSchema.safeParse(message);
    if (!parsed.success) return undefined; // not a request: a content message for the page
    asked.push(parsed.data);
    return Promise.resolve(answer(parsed.data));
  });
  return { asked };
}

/** Tells the page what the background tells a console tab (sender: the extension, no tab). */
export async function tellPage(message: ContentMessage) {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  await trigger(message, { id: fakeBrowser.runtime.id });
}
