import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentMessage } from '../../shared/extension-messages';
import { customer } from '../test-support/customers';
import { tabCustomersItem } from '../utils/storage';
import { endRevokedTabs } from './access-admin-revoked-tabs';

const entries = {
  t_acme: customer('t_acme', 'Acme Retail'),
  t_hooli: customer('t_hooli', 'Hooli', { switchable: false, blocked: { code: 'grant_revoked', message: 'the grant was revoked' } }),
};

beforeEach(() => fakeBrowser.reset());

describe('endRevokedTabs', () => {
  it('takes the token from tabs whose customer is no longer switchable or gone, tells them why, and leaves the others', async () => {
    await tabCustomersItem.setValue({
      '4': { tenantId: 't_acme', ruleId: 1, tokenExpiresAt: '2026-11-24T12:05:00.000Z' },
      '5': { tenantId: 't_hooli', ruleId: 2, tokenExpiresAt: '2026-11-24T12:05:00.000Z' },
      '6': { tenantId: 't_gone', ruleId: 3, tokenExpiresAt: '2026-11-24T12:05:00.000Z' },
    });
    const dropped: number[] = [];
    const told: [number, ContentMessage][] = [];
    const ended = await endRevokedTabs({
      contextSync: { entryOf: async (id) => entries[id as keyof typeof entries] ?? null },
      tabTokens: { drop: async (tabId) => void dropped.push(tabId) },
      tell: async (tabId, message) => told.push([tabId, message]),
    });
    expect(ended).toEqual([5, 6]);
    expect(dropped).toEqual([5, 6]);
    expect(told).toEqual([
      [5, { type: 'access.ended', tenantId: 't_hooli', message: 'Access to Hooli ended: the grant was revoked.' }],
      [6, { type: 'access.ended', tenantId: 't_gone', message: 'Access to this customer ended: your access to this customer was removed.' }],
    ]);
  });
});
