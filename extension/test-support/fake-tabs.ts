// The three tabs calls customer-switch.ts makes, in memory, recording what was asked of them.
import type { SwitchDeps } from '../background/customer-switch';

interface FakeTab {
  id: number;
  url: string;
}

export function fakeTabs(initial: Record<number, string> = {}) {
  const open = new Map<number, FakeTab>(Object.entries(initial).map(([id, url]) => [Number(id), { id: Number(id), url }]));
  let nextId = 500;
  const fake = {
    created: [] as { url?: string; active?: boolean }[],
    updated: [] as [number, { url?: string }][],
    /** When set, `update` throws it (a tab closed meanwhile). */
    failUpdate: null as Error | null,
    urlOf: (id: number) => open.get(id)?.url,
    async get(id: number) {
      const tab = open.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      return { ...tab };
    },
    async create(props: { url?: string; active?: boolean }) {
      fake.created.push(props);
      const tab = { id: nextId++, url: props.url ?? 'about:blank' };
      open.set(tab.id, tab);
      return { ...tab };
    },
    async update(id: number, props: { url?: string }) {
      fake.updated.push([id, props]);
      if (fake.failUpdate) throw fake.failUpdate;
      const tab = open.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      if (props.url) tab.url = props.url;
      return { ...tab };
    },
  };
  return fake;
}
export type FakeTabs = ReturnType<typeof fakeTabs>;

/** The fake as the switch's `tabs` dependency (it implements only the overloads the switch uses). */
export const asTabs = (fake: FakeTabs) => fake as unknown as SwitchDeps['tabs'];
