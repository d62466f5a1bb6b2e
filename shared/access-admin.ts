// The access-administration contract (issue 17), one module per resource; import from here.
// Endpoints (all under a session token; errors use shared/errors.ts, 409s add `current`):
//   GET    /v1/relationships?state=              POST /v1/relationships                 (partner asks)
//   POST   /v1/relationships/:id/approve         DELETE /v1/relationships/:id           (either side)
//   PATCH  /v1/relationships/:id/notifications   (customer Platform Administrator)
//   POST   /v1/grants          POST /v1/grants/preview          (bulk assign / its change summary)
//   GET    /v1/grants/:id      PATCH /v1/grants/:id             POST /v1/grants/:id/preview
//   POST   /v1/grants/:id/extend                 DELETE /v1/grants/:id (body { version })
//   POST   /v1/extension-requests   GET /v1/extension-requests?state=   POST /v1/extension-requests/decide
//   GET    /v1/partners/:partnerId/customers[/:customerId]   PATCH /v1/partners/:partnerId/customers/:customerId
//   GET    /v1/partners/:partnerId/users[/:userId]
//   GET    /v1/audit     GET /v1/audit/export?format=csv|jsonl (streamed)
//   GET|POST /v1/admin/tenants   GET|PATCH /v1/admin/tenants/:id   PUT /v1/admin/tenants/:id/subscriptions
//   PUT    /v1/admin/tenants/:id/ip-allowlist   POST /v1/admin/tenants/:id/terminate
//   POST   /v1/admin/tenants/:id/invitations    POST /v1/invitations/accept (no session)
export * from './access-admin-common';
export * from './access-admin-relationships';
export * from './access-admin-grants';
export * from './access-admin-extension-requests';
export * from './access-admin-views';
export * from './access-admin-audit';
export * from './access-admin-tenants';
