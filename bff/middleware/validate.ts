// zValidator with our error envelope: a 400 that lists every problem by path.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { core } from 'zod';
import { errorBody } from './errors';

export const validate = <Target extends keyof ValidationTargets, Schema extends core.$ZodType>(target: Target, schema: Schema) =>
  zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: i.path.join('.') || target, message: i.message }));
      return c.json(errorBody('invalid_request', `invalid ${target}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details), 400);
    }
  });
