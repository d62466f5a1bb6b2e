// Typed, validated messages between the extension's contexts. Requests and answers are parsed with
// the shared schemas on arrival; a message that does not parse, or comes from elsewhere, is dropped.
// Each context reads answers with the schemas it loads (issue 19's bundle budgets): `askBackground`
// knows the answers of what the popup and the content script send; the "why?" popover and the
// entitlements page, the branding editor and the access view make their own askers
// (explain-messaging.ts, branding-messaging.ts, access-admin-messaging.ts).
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { coreResponseSchemas, failureSchema, type Failure } from '../../shared/extension-messages-core';
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

/** Sends a request of the popup or the content script to the background and parses its answer. */
export const askBackground = askerFor(coreResponseSchemas);

/**
 * Every runtime message of the extension is received here: parsed with `schema` (the background
 * passes the whole request union, a content script the content messages), dropped when it does not
 * parse. `listener` returns true to answer later through `sendResponse`.
 */
export function receiveMessages<S extends z.ZodMiniType>(
  schema: S,
  listener: (message: z.infer<S>, sender: MessageSender, sendResponse: (answer: unknown) => void) => boolean,
  runtime: Runtime = browser.runtime,
) {
  const wrapped = (message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => {
    const parsed = schema.safeParse(message);
    return parsed.success ? listener(parsed.data, sender, sendResponse) : false;
  };
  runtime.onMessage.addListener(wrapped);
  return () => runtime.onMessage.removeListener(wrapped);
}
