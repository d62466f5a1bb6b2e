// Where the BFF and the monitoring console live, fixed at build time (`WXT_BFF_URL`,
// `WXT_CONSOLE_URL`; wxt.config.ts derives the host permissions from the same values).
export const BFF_URL = import.meta.env.WXT_BFF_URL ?? 'http://127.0.0.1:8787';
export const CONSOLE_URL = import.meta.env.WXT_CONSOLE_URL ?? 'http://127.0.0.1:8788';
/** The public OAuth client the extension is to the BFF (README: the switch-customer token exchange). */
export const EXTENSION_CLIENT_ID = 'switchboard-extension';
