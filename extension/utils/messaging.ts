// Typed, validated messages between the extension's contexts. Requests and answers are parsed with
// the shared schemas on arrival; a message that does not parse, or comes from elsewhere, is dropped.
// Each context reads answers with the schemas it loads (issue 19's bundle budgets): `askBackground`
// knows the answers of what the popup, the content script and the plain pages send; the branding
// editor and the access view make their own askers (branding-messaging.ts, access-admin-messaging.ts).
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { contentMessageSchema, coreResponseSchemas, failureSchema, type ContentMessage, type Failure } from '../../shared/extension-messages-core';
import type { BackgroundRequest, BackgroundRequestType, BackgroundResponse } from '../../shared/extension-messages';

export type Runtime = Pick<typeof browser.runtime, 'sendMessage' | 'onMessage' | 'id'>;
export type MessageSender = Browser.runtime.MessageSender;

export const failure = (error: string, message: string): Failure => ({ ok: false, error, message: message.slice(0, 2000) });

/** The answer schemas a context reads, by request type. */
export type AnswerSchemas = Partial<Record<BackgroundRequestType, z.ZodMiniType>>;

/**
 * An asker that sends a request to the background and parses its answer with `answers`. A request
 * whose answer schema this context does not load is answered `bad_answer`, never passed unparsed.
 */
export function askerFor(answers: AnswerSchemas) {
  return async function ask<R extends BackgroundRequest>(request: R, runtime: Runtime = browser.runtime): Promise<BackgroundResponse<R['type']>> {
    const schema = answers[request.type];
    if (!schema) return failure('bad_answer', `This page cannot read the answer to ${request.type}.`);
    let raw: unknown;
    try {
      raw = await runtime.sendMessage(request);
    } catch (err) {
      return failure('extension_unavailable', `The extension's background did not answer (${err instanceof Error ? err.message : 'no answer'}). Reload the page and try again.`);
    }
    const parsed = z.union([schema, failureSchema]).safeParse(raw);
    return parsed.success ? (parsed.data as BackgroundResponse<R['type']>) : failure('bad_answer', 'The extension answered something unexpected.');
  };
}

/** Sends a request of the popup, the content script or a plain page to the background and parses its answer. */
export const askBackground = askerFor(coreResponseSchemas);

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
