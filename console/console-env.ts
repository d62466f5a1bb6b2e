// The console's environment, parsed once at start; a bad value stops it with every problem listed.
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ });
const envSchema = z.object({
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(8788),
  BFF_URL: url.default('http://127.0.0.1:8787'),
  /** The BFF's `ISSUER` when it differs from the URL the console reaches it at. */
  BFF_ISSUER: url.optional(),
  /** The console's public URL: the `aud` of the customer tokens it accepts (the BFF's CONSOLE_URL). */
  CONSOLE_URL: url.optional(),
  /** The BFF's CONSOLE_CLIENT_SECRET: the console reads published branding as the client `switchboard-console`. */
  CONSOLE_CLIENT_SECRET: z.string().min(1).optional(),
});

/** What the environment says: where the console listens, where the BFF is, and its own public URL. */
export interface ConsoleSettings {
  host: string;
  port: number;
  bffUrl: string;
  issuer?: string;
  publicUrl?: string;
  clientSecret?: string;
}

export function readConsoleEnv(source: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const settings: ConsoleSettings = { host: e.CONSOLE_HOST, port: e.CONSOLE_PORT, bffUrl: e.BFF_URL, issuer: e.BFF_ISSUER, publicUrl: e.CONSOLE_URL };
  return e.CONSOLE_CLIENT_SECRET ? { ...settings, clientSecret: e.CONSOLE_CLIENT_SECRET } : settings;
}
