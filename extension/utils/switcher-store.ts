// What the switcher reads from storage (the cached context, pins, marks), opened as early as a
// page starts so the reads run while the page asks the background who is signed in.
import { computed } from '@preact/signals';
import { parseMarks, parsePins } from './customer-prefs';
import { customerMarksItem, contextCacheItem, contextHeadItem, pinnedCustomersItem } from './storage';
import { storedSignal } from './stored-signal';

export function openSwitcherStore() {
  // The head is asked for first: its few KB arrive before the whole context's 3 MB.
  const head = storedSignal(contextHeadItem, null);
  const cache = storedSignal(contextCacheItem, null);
  const pins = storedSignal(pinnedCustomersItem, []);
  const marks = storedSignal(customerMarksItem, {});
  return {
    head: head.signal,
    cache: cache.signal,
    pinned: computed(() => parsePins(pins.signal.value)),
    marks: computed(() => parseMarks(marks.signal.value)),
    close: () => [head, cache, pins, marks].forEach((s) => s.stop()),
  };
}

export type SwitcherStore = ReturnType<typeof openSwitcherStore>;
