// Hostile review of issue 20: a flood of distinct e-mails, each refused cheaply before scrypt,
// must not empty the rate limiter. The flooder stays limited, other accounts' failure counters
// stay as they were, and the flood creates no key per e-mail (the counters live in the database
// and a refused attempt writes none; bff/middleware/rate-limiter.ts, bff/db/rate-limit-windows.ts).
import { describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { defaultConfig } from '../bff/config';
import { rateLimitWindows } from '../bff/db/schema';
import { startTestWorld } from './helpers/test-server';

describe('a flood of distinct e-mails', () => {
  it('leaves the flooder limited and every other account counter intact', { timeout: 300_000 }, async () => {
    const limits = { ...defaultConfig().rateLimit, signInsPerIpPerMinute: 5, signInsPerAccountAndIpPerMinute: 3, signInsPerAccountPerMinute: 4 };
    const w = await startTestWorld({ config: { rateLimit: limits, trustedProxies: ['127.0.0.1/32'] } });
    try {
      const attempt = (ip: string, email: string) =>
        fetch(`${w.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email, password: 'guess' }) }).then((r) => r.status);
      // The victim's account collects 4 failures from 4 addresses: at its cap.
      for (let i = 0; i < 4; i++) expect(await attempt(`198.51.100.${i}`, 'victim@example.com')).toBe(401);
      const counters = async () => (await w.database.db.select().from(rateLimitWindows).where(like(rateLimitWindows.key, '%victim@example.com%'))).map((r) => `${r.key}=${r.count}`).sort();
      const before = await counters();
      expect(before).toContain('session:account-failures:victim@example.com=4');

      // 3,000 distinct e-mails from one address (a refused attempt costs a read, never a key).
      const statuses = new Map<number, number>();
      for (let i = 0; i < 3_000; i++) {
        const s = await attempt('203.0.113.66', `flood-${i}@example.com`);
        statuses.set(s, (statuses.get(s) ?? 0) + 1);
      }
      expect(Object.fromEntries(statuses)).toEqual({ 401: 5, 429: 2_995 });
      expect(await attempt('203.0.113.66', 'never-tried@example.com')).toBe(429);
      // The victim's counters are untouched, and still refuse a stranger's next guess.
      expect(await counters()).toEqual(before);
      expect(await attempt('192.0.2.200', 'victim@example.com')).toBe(429);
      // Only the five attempts the address let through created per-e-mail keys.
      const flooded = await w.database.db.select().from(rateLimitWindows).where(like(rateLimitWindows.key, '%flood-%'));
      expect(flooded.length).toBeLessThanOrEqual(10);
    } finally {
      await w.close();
    }
  });
});
