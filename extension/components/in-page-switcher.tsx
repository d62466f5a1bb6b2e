// The switcher inside a console page, loaded only when the analyst opens it (its own script, with
// its own Preact: extension/README.md, "Performance"): every console page then carries the toolbar
// alone, not the search, the list and the stored context.
import { render } from 'preact';
import { openSwitcherStore } from '../utils/switcher-store';
import { SwitcherPanel } from './switcher-panel';

export interface InPageSwitcherProps {
  userId: string;
  onClose: () => void;
  onSwitched: () => void;
}

/** Renders the switcher into `container` (inside the toolbar's shadow root); returns its unmount. */
export function mountInPageSwitcher(container: Element, { userId, onClose, onSwitched }: InPageSwitcherProps): () => void {
  const store = openSwitcherStore();
  render(<SwitcherPanel store={store} userId={userId} current={null} viewportHeight={280} onClose={onClose} onSwitched={onSwitched} />, container);
  return () => {
    render(null, container);
    store.close();
  };
}

export type MountInPageSwitcher = typeof mountInPageSwitcher;
