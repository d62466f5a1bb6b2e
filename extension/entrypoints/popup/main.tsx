import { render } from 'preact';
import { PopupApp } from '../../components/popup-app';
import '../../components/switcher.css';
import './popup.css';

// The mark the e2e harness reads for "first render with the list" (performance.now() based).
const rendered = () => performance.mark('switcher-rendered');

render(<PopupApp onRendered={rendered} />, document.getElementById('app')!);
