// Typed, validated messages between the extension's contexts. Requests and answers are parsed with
// the shared schemas on arrival; a message that does not parse, or comes from elsewhere, is dropped.
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  backgroundRequestSchema,
  backgroundResponseSchemas,
  contentMessageSchema,
  failureSchema,
  type BackgroundRequest,
  type BackgroundResponse,
  type ContentMessage,
  type Failure,
} from '../../shared/extension-messages';

type Runtime = Pick<typeof browser.runtime, 'sendMessage' | 'onMessage' | 'id'>;
export type MessageSender = Browser.runtime.MessageSender;

export const failure = (error: string, message: string): Failure => ({ ok: false, error, message: message.slice(0, 2000) });

/** Sends a request to the background and parses its answer. */
export async function askBackground<R extends BackgroundRequest>(request: R, runtime: Runtime = browser.runtime): Promise<BackgroundResponse<R['type']>> {
  let raw: unknown;
  try {
    raw = await runtime.sendMessage(request);
  } catch (err) {
    return failure('extension_unavailable', `The extension's background did not answer (${err instanceof Error ? err.message : 'no answer'}). Reload the page and try again.`);
  }
  const parsed = z.union([backgroundResponseSchemas[request.type], failureSchema]).safeParse(raw);
  return parsed.success ? (parsed.data as BackgroundResponse<R['type']>) : failure('bad_answer', 'The extension answered something unexpected.');
}

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

/** Listens, in a content script, for what the background tells its tab. */
export function onContentMessage(listener: (message: ContentMessage) => void, runtime: Runtime = browser.runtime) {
  const wrapped = (message: unknown, sender: MessageSender) => {
    const parsed = contentMessageSchema.safeParse(message);
    if (parsed.success && sender.id === runtime.id && !sender.tab) listener(parsed.data);
    return false;
  };
  runtime.onMessage.addListener(wrapped);
  return () => runtime.onMessage.removeListener(wrapped);
}
