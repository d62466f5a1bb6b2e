import { defineContentScript } from 'wxt/utils/define-content-script';
import { features } from '../../features/registry';
import { adapterFor, hostAdapters } from '../../host-adapters/registry';
import '../../components/switcher.css';
import '../../components/in-page-toolbar.css';

export default defineContentScript({
  matches: hostAdapters.flatMap((a) => [...a.matches]),
  cssInjectionMode: 'ui',
  async main(ctx) {
    const here = adapterFor(location.href);
    if (!here) return; // a matched host, but another port or app
    const page = { ctx, adapter: here.adapter, url: here.url, document };
    for (const feature of features) {
      if (feature.when && !feature.when(page)) continue;
      await Promise.resolve(feature.run(page)).catch((err: unknown) => console.error(`switchboard: ${feature.id} failed`, err));
    }
  },
});
