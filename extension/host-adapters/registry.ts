// Every monitoring app the extension acts on: one line per adapter.
import { CONSOLE_URL } from '../utils/config';
import type { HostAdapter } from './host-adapter';
import { referenceConsoleAdapter } from './reference-console';

export const hostAdapters: readonly HostAdapter[] = [referenceConsoleAdapter(CONSOLE_URL)];

/** The adapter whose app the URL belongs to, if any. */
export function adapterFor(url: string | undefined, adapters: readonly HostAdapter[] = hostAdapters): { adapter: HostAdapter; url: URL } | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const adapter = adapters.find((a) => a.owns(parsed));
  return adapter ? { adapter, url: parsed } : null;
}
