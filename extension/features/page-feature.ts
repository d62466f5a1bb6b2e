import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostAdapter } from '../host-adapters/host-adapter';

/** What a page feature gets: the page, its monitoring app's adapter, and the content script's context. */
export interface PageContext {
  ctx: ContentScriptContext;
  adapter: HostAdapter;
  url: URL;
  document: Document;
}

/** One feature on a monitoring app's pages (Refined GitHub style): one file, one registry line. */
export interface PageFeature {
  id: string;
  /** What it does for the user, one sentence (listed in extension/README.md). */
  description: string;
  /** Whether it runs on this page (every page when absent). */
  when?: (page: PageContext) => boolean;
  run: (page: PageContext) => void | Promise<void>;
}
