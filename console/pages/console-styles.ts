// The console's one stylesheet, inlined by the layout (CSP allows inline styles, not scripts).
// The first block is deliberately aggressive: real monitoring apps ship global rules like these,
// and they would leak into the extension's injected toolbar unless it lives in a shadow root.
export const CONSOLE_STYLES = `
button { background: rgb(255, 0, 0); color: #fff; font-family: serif; font-size: 15px; border: 0; border-radius: 2px; padding: 8px 14px; }
* { letter-spacing: 0.5px; }
div { line-height: 1.6; }

body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; background: #f3f5f8; }
#console-header { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: var(--brand-background); color: var(--brand-text); }
#console-header .brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 18px; color: inherit; text-decoration: none; }
#console-header .brand-logo { height: 32px; max-width: 160px; object-fit: contain; }
#console-header .docs-link { color: inherit; font-size: 14px; }
[hidden] { display: none !important; }
footer { max-width: 1100px; margin: 24px auto; padding: 0 24px; color: #52606d; font-size: 13px; display: flex; gap: 12px; }
.brand-login { min-height: 60vh; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 16px; padding: 32px; border-radius: 6px;
  background-color: #243b53; background-image: linear-gradient(rgba(0, 0, 0, 0.45), rgba(0, 0, 0, 0.45)), var(--brand-background-image); background-repeat: repeat; }
.brand-login-card { background: var(--brand-background); color: var(--brand-text); padding: 24px 32px; border-radius: 8px; text-align: center; min-width: 280px; }
.brand-login-card h1, .brand-login-card p { color: var(--brand-text); }
.brand-login-logo { max-height: 96px; max-width: 240px; object-fit: contain; }
.brand-login-body { background: #fff; border-radius: 6px; padding: 16px; max-width: 560px; }
#console-header .acting { margin-left: auto; font-size: 14px; }
#console-header .acting span { font-weight: 600; }
nav { display: flex; gap: 4px; padding: 0 24px; background: #243b53; }
nav a { color: #d9e2ec; padding: 10px 14px; text-decoration: none; }
nav a[aria-current="page"] { color: #fff; border-bottom: 3px solid #f0b429; }
main { max-width: 1100px; margin: 24px auto; padding: 0 24px; }
h1 { font-size: 24px; margin: 0 0 16px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; }
.card { background: #fff; border-radius: 6px; padding: 16px; box-shadow: 0 1px 3px rgba(16, 42, 67, 0.15); }
.card .value { font-size: 28px; font-weight: 700; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #e4e7eb; }
.controls { display: flex; gap: 8px; margin: 16px 0; }
button[disabled] { opacity: 0.45; cursor: not-allowed; }
.notice { background: #fff; border-left: 4px solid #d64545; padding: 16px; }
.severity-Critical { color: #ab091e; font-weight: 600; }
.severity-Warning { color: #b44d12; }
`;
