import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CustomerMark } from '../../shared/extension-messages';
import type { TenantContext } from '../../shared/tenant-context';
import { customer, generatedCustomers, tenantContext } from '../test-support/customers';
import { SHOWN_HITS } from './customer-search';
import { createSwitcherState, type SwitcherRow } from './switcher-state';

// Deliberately not in name order, so "sorted by name" is something the state does.
const customers = [
  customer('t_wayne', 'Wayne Logistics'),
  customer('t_initech', 'Initech Finance'),
  customer('t_acme', 'Acme Retail'),
  customer('t_umbrella', 'Umbrella Health'),
  customer('t_globex', 'Globex Manufacturing'),
];

async function setup({ pins = ['t_umbrella'], recents = ['t_umbrella', 't_initech'], marks = {} as Record<string, CustomerMark> } = {}) {
  const context = signal<TenantContext | null>(tenantContext(customers, recents));
  const pinned = signal<readonly string[]>(pins);
  const markSignal = signal<Readonly<Record<string, CustomerMark>>>(marks);
  const state = createSwitcherState({ context, pinned, marks: markSignal });
  await state.prepare(); // the search loads apart from the list (lazily, in the extension's pages)
  return { state, context, pinned, marks: markSignal };
}

/** Rows as "## heading" and tenant ids, so a test reads like the list a person sees. */
const layout = (rows: readonly SwitcherRow[]) => rows.map((r) => (r.kind === 'customer' ? r.entry.tenant_id : `## ${r.label}`));
const activeId = (state: Awaited<ReturnType<typeof setup>>['state']) => state.active.value?.tenant_id ?? null;

describe('createSwitcherState without a query', () => {
  it('lists Pinned, Recent, then All customers sorted by name, each customer once', async () => {
    const { state } = await setup();
    expect(layout(state.rows.value)).toEqual(['## Pinned', 't_umbrella', '## Recent', 't_initech', '## All customers', 't_acme', 't_globex', 't_wayne']);
    expect(state.options.value).toHaveLength(customers.length);
  });

  it('leaves out an empty section and ignores pins and recents of unknown customers', async () => {
    const { state } = await setup({ pins: ['t_gone'], recents: ['t_gone'] });
    expect(layout(state.rows.value)).toEqual(['## All customers', 't_acme', 't_globex', 't_initech', 't_umbrella', 't_wayne']);
  });

  it('follows its inputs: a new pin moves the customer into Pinned', async () => {
    const { state, pinned } = await setup();
    pinned.value = ['t_umbrella', 't_wayne'];
    expect(layout(state.rows.value).slice(0, 3)).toEqual(['## Pinned', 't_umbrella', 't_wayne']);
    expect(layout(state.rows.value).filter((r) => r === 't_wayne')).toHaveLength(1);
  });

  it('has no rows and no active option without a context', async () => {
    const { state, context } = await setup();
    context.value = null;
    expect(state.rows.value).toEqual([]);
    expect(state.active.value).toBeNull();
    state.move(1); // nothing to move to: no throw
    expect(state.active.value).toBeNull();
  });
});

describe('createSwitcherState with a query', () => {
  it('shows ranked Matches only', async () => {
    const { state } = await setup();
    state.setQuery('glbx');
    expect(layout(state.rows.value)[0]).toBe('## Matches');
    expect(layout(state.rows.value)[1]).toBe('t_globex');
    expect(state.rows.value.filter((r) => r.kind === 'heading')).toHaveLength(1);
  });

  it('finds a customer by the label the analyst gave it', async () => {
    const { state } = await setup({ marks: { t_wayne: { colour: '#1f6feb', label: 'PROD' } } });
    state.setQuery('prod');
    expect(layout(state.rows.value)).toEqual(['## Matches', 't_wayne']);
  });

  it('goes back to the sections when the query is cleared', async () => {
    const { state } = await setup();
    state.setQuery('acme');
    state.setQuery('');
    expect(layout(state.rows.value)[0]).toBe('## Pinned');
  });
});

describe('createSwitcherState active option', () => {
  it('starts on the first option and moves within bounds', async () => {
    const { state } = await setup();
    const order = state.options.value.map((c) => c.tenant_id);
    expect(activeId(state)).toBe(order[0]);
    state.move(-1);
    expect(activeId(state)).toBe(order[0]);
    state.move(1);
    state.move(1);
    expect(activeId(state)).toBe(order[2]);
    state.move(100);
    expect(activeId(state)).toBe(order.at(-1));
    state.move(1);
    expect(activeId(state)).toBe(order.at(-1));
    state.moveToEdge('first');
    expect(activeId(state)).toBe(order[0]);
    state.moveToEdge('last');
    expect(activeId(state)).toBe(order.at(-1));
  });

  it('resets to the first option when the query changes, even if the active one still matches', async () => {
    const { state } = await setup();
    state.setQuery('l'); // Retail, Health, Logistics, …
    state.moveToEdge('last');
    const chosen = activeId(state);
    expect(chosen).not.toBe(state.options.value[0]?.tenant_id);
    state.setQuery('l ');
    expect(state.options.value.map((c) => c.tenant_id)).toContain(chosen);
    expect(activeId(state)).toBe(state.options.value[0]?.tenant_id);
  });
});

describe('createSwitcherState refusals', () => {
  it('records a refusal per customer and clears it when that customer is tried again', async () => {
    const { state } = await setup();
    state.started('t_initech');
    expect(state.switching.value).toBe('t_initech');
    state.finished('t_initech', 'grant g_initech_analyst expired');
    state.started('t_umbrella');
    state.finished('t_umbrella', 'relationship pending customer approval');
    expect(state.switching.value).toBeNull();
    expect(state.refusals.value).toEqual({ t_initech: 'grant g_initech_analyst expired', t_umbrella: 'relationship pending customer approval' });

    state.started('t_initech');
    expect(state.refusals.value).toEqual({ t_umbrella: 'relationship pending customer approval' });
    state.finished('t_initech', null);
    expect(state.refusals.value).toEqual({ t_umbrella: 'relationship pending customer approval' });
  });
});

describe('createSwitcherState with more matches than it lists', () => {
  it('lists the best matches, says how many more there are, and counts them all', async () => {
    const many = generatedCustomers(250);
    const state = createSwitcherState({ context: signal(tenantContext(many)), pinned: signal([]), marks: signal({}) });
    await state.prepare();
    state.setQuery('holdings');
    const customersListed = state.rows.value.filter((r) => r.kind === 'customer');
    expect(customersListed).toHaveLength(SHOWN_HITS);
    expect(state.count.value).toBe(250);
    expect(state.rows.value.at(-1)).toEqual({ kind: 'more', key: 'more', label: `The best ${SHOWN_HITS} of 250: type more to narrow them` });
    state.setQuery('0249 holdings');
    expect(layout(state.rows.value)).toEqual(['## Matches', 't_gen_0249']);
    expect(state.count.value).toBe(1);
  });
});

describe('createSwitcherState from the head of the cached context', () => {
  it('lists the head with the count of all, says the rest is loading, and waits for it to search', async () => {
    const context = signal<TenantContext | null>(tenantContext(customers.slice(0, 2)));
    const customerCount = signal<number | null>(10_000);
    const state = createSwitcherState({ context, pinned: signal([]), marks: signal({}), customerCount });
    await state.prepare();
    expect(layout(state.rows.value)).toEqual(['## All customers', 't_initech', 't_wayne', '## Loading all 10,000 customers…']);
    expect(state.count.value).toBe(10_000);
    state.setQuery('wayne');
    expect(layout(state.rows.value)).toEqual(['## Loading all 10,000 customers…']);
    expect(state.count.value).toBe(0);
    context.value = tenantContext(customers);
    customerCount.value = null;
    expect(layout(state.rows.value)).toEqual(['## Matches', 't_wayne']);
    expect(state.count.value).toBe(1);
  });
});
