// Unlisted script: the in-page switcher, imported by the console content script on first use.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountInPageSwitcher } from '../components/in-page-switcher';
import { registerInPageSwitcher } from '../utils/in-page-switcher-loader';

export default defineUnlistedScript(() => registerInPageSwitcher(mountInPageSwitcher));
