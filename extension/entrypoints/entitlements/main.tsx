import { render } from 'preact';
import { EntitlementsPage } from '../../components/entitlements-page';
import { openSwitcherStore } from '../../utils/switcher-store';
import './entitlements.css';

// The extension page the background opens as entitlements.html?tenant=<id>&permission=<id>.
// The store supplies the tenant field's list of customers from the cached context.
const store = openSwitcherStore();
render(<EntitlementsPage store={store} />, document.getElementById('app')!);
