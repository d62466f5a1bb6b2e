// The page script served at /assets/console.js (same origin, so the strict CSP allows it). Its
// fetch calls go to ./api/… under the tenant's path: the extension's header rule adds the token
// to them as to page loads, and the script itself never sees it.
export const CONSOLE_SCRIPT = `(() => {
  const apiTenant = document.querySelector('[data-testid="api-tenant"]');
  if (apiTenant) {
    fetch('./api/whoami', { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body = await res.json();
        apiTenant.textContent = res.ok ? body.tenant_name : 'unavailable (' + res.status + ')';
      })
      .catch(() => { apiTenant.textContent = 'unavailable'; });
  }
  const output = document.querySelector('[data-testid="action-result"]');
  for (const button of document.querySelectorAll('button[data-permission]')) {
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      const res = await fetch('./api/actions/' + encodeURIComponent(button.dataset.permission), { method: 'POST', cache: 'no-store' });
      const body = await res.json().catch(() => ({}));
      if (output) output.textContent = res.ok ? body.message : body.error_description || 'refused (' + res.status + ')';
    });
  }
})();
`;
