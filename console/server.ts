// Starts the reference console: in-process (`startConsole`, for an orchestrator or tests) or as
// a program (`tsx console/server.ts`, configured by the environment).
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createRemoteJWKSet } from 'jose';
import { createConsoleApp, type ConsoleApp } from './app';
import { createBrandingSource } from './branding-source';
import { readConsoleEnv } from './console-env';

export interface StartConsoleOptions {
  port: number;
  host: string;
  /** Where the BFF is reached; its JWKS is at `<bffUrl>/.well-known/jwks.json`. */
  bffUrl: string;
  /** The BFF's issuer (`iss` of its tokens); defaults to bffUrl. */
  issuer?: string;
  /** The console's public URL, the `aud` of its tokens; defaults to `http://<host>:<port>`. */
  publicUrl?: string;
  /** Secret of the BFF's confidential client `switchboard-console` (the BFF's CONSOLE_CLIENT_SECRET), to read published branding. */
  clientSecret?: string;
  clock?: () => Date;
}

/** The BFF's development default (bff/config.ts); a deployment sets CONSOLE_CLIENT_SECRET on both. */
export const DEV_CONSOLE_CLIENT = { id: 'switchboard-console', secret: 'switchboard-console-dev-secret' } as const;

export interface RunningConsole {
  /** Where it listens (with the port the OS chose for port 0). */
  url: string;
  /** The `aud` it accepts. */
  publicUrl: string;
  close(): Promise<void>;
}

const hostInUrl = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  // The audience may depend on the port the OS picks, so the app is built once the server listens.
  let app: ConsoleApp | undefined;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: (req, env) => app!.fetch(req, env), hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://${hostInUrl(options.host)}:${(server.address() as AddressInfo).port}`;
  const publicUrl = options.publicUrl ?? url;
  const issuer = options.issuer ?? options.bffUrl;
  app = createConsoleApp({
    issuer,
    audience: publicUrl,
    jwks: createRemoteJWKSet(new URL(`${options.bffUrl.replace(/\/+$/, '')}/.well-known/jwks.json`)),
    clock: options.clock ?? (() => new Date()),
    branding: createBrandingSource({ bffUrl: options.bffUrl, clientId: DEV_CONSOLE_CLIENT.id, clientSecret: options.clientSecret ?? DEV_CONSOLE_CLIENT.secret }),
  });
  return {
    url,
    publicUrl,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

async function main() {
  const options = readConsoleEnv();
  const running = await startConsole(options);
  console.log(
    [
      `Contoso Monitor (reference console) listening on ${running.url}`,
      `  accepts customer tokens for: ${running.publicUrl}`,
      `  issued by: ${options.issuer ?? options.bffUrl} (keys from ${options.bffUrl}/.well-known/jwks.json)`,
      `  open a customer through the MSP Switchboard extension; ${running.url}/ explains how`,
    ].join('\n'),
  );
  const stop = () => void running.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
