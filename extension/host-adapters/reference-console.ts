// The reference monitoring console (console/): customers live under /t/<tenant>/<page>.
import { idSchema } from '../../shared/common';
import type { HostAdapter } from './host-adapter';

const PAGES = ['dashboard', 'alerts', 'automation', 'reports'] as const;

export function referenceConsoleAdapter(consoleUrl: string): HostAdapter {
  const origin = new URL(consoleUrl).origin;
  const tenantIn = (url: URL) => {
    const id = url.pathname.match(/^\/t\/([^/]+)/)?.[1];
    return id && idSchema.safeParse(id).success ? id : null;
  };
  return {
    name: 'Reference console',
    resource: origin,
    matches: [`${new URL(consoleUrl).protocol}//${new URL(consoleUrl).hostname}/*`],
    owns: (url) => url.origin === origin,
    tenantFromUrl: (url) => (url.origin === origin ? tenantIn(url) : null),
    tenantFromDocument(doc) {
      const id = doc.querySelector('meta[name="switchboard-tenant"]')?.getAttribute('content');
      return id && idSchema.safeParse(id).success ? id : null;
    },
    switchUrl(current, tenantId) {
      const page = current?.origin === origin ? current.pathname.match(/^\/t\/[^/]+\/([a-z]+)/)?.[1] : undefined;
      const same = PAGES.find((p) => p === page) ?? 'dashboard';
      return `${origin}/t/${encodeURIComponent(tenantId)}/${same}`;
    },
    tokenUrlFilter: (tenantId) => `|${origin}/t/${tenantId}/`,
  };
}
