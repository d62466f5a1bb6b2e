// Turns a BFF answer of the access-admin endpoints into a message answer: the parsed body, a 409's
// current state (to show and re-apply), or the BFF's refusal in its own words.
import type * as z from 'zod/mini';
import { grantConflictBodySchema, relationshipConflictBodySchema } from '../../shared/access-admin-common';
import { failure } from '../utils/messaging';
import { failureFrom, reach } from './bff-failure';

type BffResponse = { status: number; headers: Headers; json(): Promise<unknown> };

/** Calls the BFF and, on a 2xx, parses the body with `schema` and wraps it for the page. */
export async function answerOf<S extends z.ZodMiniType, A>(call: () => Promise<BffResponse>, schema: S, wrap: (body: z.infer<S>) => A, what: string) {
  const reached = await reach(call);
  if (!('response' in reached)) return reached;
  const { response } = reached;
  if (response.status < 200 || response.status > 299) return failureFrom(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? wrap(parsed.data) : failure('bad_answer', `The Switchboard service sent ${what} that do not parse.`);
}

const conflictOf = (schema: typeof grantConflictBodySchema | typeof relationshipConflictBodySchema) =>
  async function <S extends z.ZodMiniType, A>(call: () => Promise<BffResponse>, bodySchema: S, wrap: (body: z.infer<S>) => A, what: string) {
    let conflict: { ok: false; error: 'conflict'; message: string; current: z.infer<typeof schema>['current'] } | null = null;
    const answer = await answerOf(
      async () => {
        const response = await call();
        if (response.status !== 409) return response;
        const body = schema.safeParse(await response.json().catch(() => undefined));
        if (body.success) conflict = { ok: false, error: 'conflict', message: body.data.error.message, current: body.data.current };
        // Without a readable current state, the 409 is an ordinary refusal.
        return { status: 409, headers: response.headers, json: async () => (body.success ? body.data : null) };
      },
      bodySchema,
      wrap,
      what,
    );
    return conflict ?? answer;
  };

/** Like `answerOf`, but a 409 on a grant answers `{ ok: false, error: 'conflict', current }`. */
export const grantAnswerOf = conflictOf(grantConflictBodySchema);
/** Like `answerOf`, but a 409 on a relationship answers `{ ok: false, error: 'conflict', current }`. */
export const relationshipAnswerOf = conflictOf(relationshipConflictBodySchema);
