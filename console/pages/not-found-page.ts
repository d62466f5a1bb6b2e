import { html } from 'hono/html';
import { layout, type Html } from './layout';

export function notFoundPage(): Html {
  return layout({
    title: 'Not found',
    main: html`<section data-testid="not-found"><h1>Page not found</h1><p><a href="/">Back to the console</a></p></section>`,
  });
}
