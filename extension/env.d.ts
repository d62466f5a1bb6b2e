// Build-time settings WXT (Vite) inlines from WXT_-prefixed environment variables.
interface ImportMetaEnv {
  readonly WXT_BFF_URL?: string;
  readonly WXT_CONSOLE_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
