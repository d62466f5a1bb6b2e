// A signal that mirrors a stored item: loaded once, then kept current by storage change events.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

export interface StoredSignal<T> {
  signal: ReadonlySignal<T>;
  /** Resolves once the stored value has been read. */
  ready: Promise<void>;
  stop: () => void;
}

export function storedSignal<T>(item: WxtStorageItem<T, Record<string, unknown>>, initial: T): StoredSignal<T> {
  const value = signal<T>(initial);
  let changed = false;
  const stop = item.watch((next) => {
    changed = true;
    value.value = next;
  });
  // A change that arrived while the first read was under way is newer than what that read returns.
  const ready = item.getValue().then((v) => {
    if (!changed) value.value = v;
  });
  return { signal: value, ready, stop };
}
