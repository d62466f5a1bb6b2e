import { describe, expect, it } from 'vitest';
import { customer, generatedCustomers, tenantContext } from '../test-support/customers';
import { contextHead, HEAD_NAMES } from './context-head';

describe('contextHead', () => {
  const all = [...generatedCustomers(500).reverse(), customer('t_zeta', 'Zeta Labs'), customer('t_omega', 'Omega Foods'), customer('t_acme', 'Acme Retail')];
  const context = tenantContext(all, ['t_omega']);

  it('keeps the first names A-Z, the pinned and the recent customers, in their order, and nothing else', () => {
    const head = contextHead(context, ['t_zeta']);
    const ids = head.customers.map((c) => c.tenant_id);
    expect(ids).toContain('t_acme'); // first by name
    expect(ids).toContain('t_zeta'); // pinned
    expect(ids).toContain('t_omega'); // recent
    expect(ids).toContain('t_gen_0001');
    expect(ids).not.toContain(`t_gen_${String(HEAD_NAMES).padStart(4, '0')}`); // Acme came first
    expect(ids).toHaveLength(HEAD_NAMES + 2);
    expect(ids).toEqual(all.map((c) => c.tenant_id).filter((id) => ids.includes(id))); // list order kept
  });

  it('keeps the rest of the context as it is', () => {
    const { customers: _, ...rest } = contextHead(context, []);
    const { customers: __, ...expected } = context;
    expect(rest).toEqual(expected);
  });
});
