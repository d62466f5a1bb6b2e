// Who is offered the "Manage access" view: partner and service-provider administrators, support
// staff, and a customer's Platform Administrators. The BFF still decides every call and says why
// it refuses; this only keeps the button away from analysts who could do nothing there.
import type { UserSummary } from '../../shared/common';

const MANAGING_ROLES: ReadonlySet<string> = new Set(['partner_administrator', 'sp_administrator', 'sp_support', 'platform_administrator', 'admin']);

export const managesAccess = (user: Pick<UserSummary, 'role'>) => user.role !== null && MANAGING_ROLES.has(user.role);
