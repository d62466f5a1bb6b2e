// A windowed list: only the rows in view (plus a few) are in the DOM, so 10,000 customers render
// as fast as 20. Row heights are known per row, so offsets are prefix sums.
import type { ComponentChildren, CSSProperties, HTMLAttributes } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

const OVERSCAN_PX = 200;

interface VirtualListProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  items: readonly T[];
  heightOf: (item: T) => number;
  viewportHeight: number;
  /** Index of a row to keep in view (the active option). */
  keepInView: number;
  render: (item: T, index: number, style: CSSProperties) => ComponentChildren;
}

/** The first index whose row ends below `y`. */
function firstEndingBelow(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function VirtualList<T>({ items, heightOf, viewportHeight, keepInView, render, ...rest }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const offsets = useMemo(() => {
    const out = [0];
    for (const item of items) out.push(out[out.length - 1]! + heightOf(item));
    return out;
  }, [items, heightOf]);
  const total = offsets[offsets.length - 1]!;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || keepInView < 0 || keepInView >= items.length) return;
    const top = offsets[keepInView]!;
    const bottom = offsets[keepInView + 1]!;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + viewportHeight) el.scrollTop = bottom - viewportHeight;
    setScrollTop(el.scrollTop);
  }, [keepInView, offsets, viewportHeight, items.length]);

  const from = items.length ? firstEndingBelow(offsets, Math.max(0, scrollTop - OVERSCAN_PX)) : 0;
  const rows: ComponentChildren[] = [];
  for (let i = from; i < items.length && offsets[i]! < scrollTop + viewportHeight + OVERSCAN_PX; i++) {
    rows.push(render(items[i]!, i, { position: 'absolute', top: `${offsets[i]}px`, height: `${heightOf(items[i]!)}px`, left: 0, right: 0 }));
  }
  return (
    <div {...rest} ref={ref} style={{ height: `${viewportHeight}px`, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: `${total}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
}
