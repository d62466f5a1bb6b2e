// A grant removed by an administrator (or a relationship ended) shows in the next context as a
// customer that is no longer switchable: the tabs acting for it lose their token at once and are
// told why, rather than keeping a handed token until it would have been renewed.
import type { ContentMessage } from '../../shared/extension-messages';
import { tabCustomersItem } from '../utils/storage';
import type { ContextSync } from './context-sync';
import type { TabTokens } from './tab-tokens';

interface Deps {
  contextSync: Pick<ContextSync, 'entryOf'>;
  tabTokens: Pick<TabTokens, 'drop'>;
  tell: (tabId: number, message: ContentMessage) => Promise<unknown>;
}

/** Ends the access of every tab whose customer the fresh context no longer lets the user switch to; answers their ids. */
export async function endRevokedTabs({ contextSync, tabTokens, tell }: Deps): Promise<number[]> {
  const ended: number[] = [];
  for (const [tab, record] of Object.entries(await tabCustomersItem.getValue())) {
    const entry = await contextSync.entryOf(record.tenantId);
    if (entry?.switchable) continue;
    const tabId = Number(tab);
    await tabTokens.drop(tabId);
    const why = entry?.blocked?.message ?? 'your access to this customer was removed';
    await tell(tabId, { type: 'access.ended', tenantId: record.tenantId, message: `Access to ${entry?.name ?? 'this customer'} ended: ${why}.` }).catch(() => undefined);
    ended.push(tabId);
  }
  return ended;
}
