import { render } from 'preact';
import { PopupApp } from '../../components/popup-app';
import { openSwitcherStore } from '../../utils/switcher-store';
import '../../components/switcher.css';
import './popup.css';

// The mark the e2e harness reads for "first render with the list" (performance.now() based).
const rendered = () => performance.mark('switcher-rendered');
// ... and for the whole list rendered and searchable (after the first paint when the head came first).
const complete = () => performance.mark('switcher-complete');

// Opened before the first render: the cache is read while the popup asks who is signed in.
const store = openSwitcherStore();
render(<PopupApp store={store} onRendered={rendered} onComplete={complete} />, document.getElementById('app')!);
