// The Tenants tab's state (seeds 000-002): the new-client form with seed 000's account fields,
// checked with the contract's own schema before sending and holding the BFF's refusals by field;
// and the small rules of the other forms (allow-list lines, the termination's typed name).
import { signal } from '@preact/signals';
import { tenantCreateSchema, type AccountFields } from '../../shared/access-admin-tenants';
import { ADDONS, ADDON_IDS, BASE_PACKAGE, CUSTOMER_ROLE_IDS, PACKAGE_IDS, PACKAGES, ROLES, type RoleId } from '../../shared/catalogue';

export type TenantField = keyof AccountFields | 'email_domain';

/** Seed 000's PARTNER DETAILS / ACCESS ENDPOINT DETAILS, in its order, with the e-mail domain of seed 002. */
export const TENANT_FIELDS: readonly { field: TenantField; label: string; hint?: string }[] = [
  { field: 'name', label: 'Name' },
  { field: 'email_domain', label: 'E-mail domain', hint: 'Invitations go only to addresses under it; it cannot change later.' },
  { field: 'alternate_email', label: 'Alternate e-mail' },
  { field: 'notification_email', label: 'Notification e-mail' },
  { field: 'timezone', label: 'Time zone', hint: 'e.g. Europe/London' },
  { field: 'country', label: 'Country', hint: 'two-letter ISO code, e.g. GB' },
  { field: 'city', label: 'City' },
  { field: 'address', label: 'Address' },
  { field: 'postal_code', label: 'Postal code' },
  { field: 'state', label: 'State' },
  { field: 'application_server', label: 'Application server', hint: 'host name, e.g. eu1.monitoring.example' },
];

export const PACKAGE_CHOICES = PACKAGE_IDS.map((id) => ({ id, name: PACKAGES[id].name, addons: ADDON_IDS.filter((a) => ADDONS[a].package === id).map((a) => ({ id: a, name: ADDONS[a].name })) }));
/** Roles an invitation into a client may carry: the customer roles and its Platform Administrator. */
export const CLIENT_INVITE_ROLES = [...CUSTOMER_ROLE_IDS, 'platform_administrator' as RoleId].map((id) => ({ id, name: ROLES[id].name }));

const emptyValues = () => Object.fromEntries(TENANT_FIELDS.map(({ field }) => [field, ''])) as Record<TenantField, string>;
const fieldOf = (path: readonly PropertyKey[] | string): TenantField | null => {
  const last = String(typeof path === 'string' ? path.split('.').at(-1) : path.at(-1));
  return TENANT_FIELDS.some((f) => f.field === last) ? (last as TenantField) : null;
};

/** The new-client form of partner `parentId`. */
export function createTenantForm(parentId: string) {
  const values = signal(emptyValues());
  const packages = signal<string[]>([BASE_PACKAGE]);
  const addons = signal<string[]>([]);
  const errors = signal<Partial<Record<TenantField, string>>>({});
  /** A refusal that belongs to no one field (permission, subscriptions, a taken domain). */
  const problem = signal<string | null>(null);

  const put = (byField: { path: readonly PropertyKey[] | string; message: string }[]) => {
    const next: Partial<Record<TenantField, string>> = {};
    const rest: string[] = [];
    for (const { path, message } of byField) {
      const field = fieldOf(path);
      if (field) next[field] ??= message;
      else rest.push(message);
    }
    errors.value = next;
    problem.value = rest.length ? rest.join('; ') : null;
  };

  return {
    values,
    packages,
    addons,
    errors,
    problem,
    set: (field: TenantField, value: string) => (values.value = { ...values.value, [field]: value }),
    /** The request body, or null with every problem shown by its field. */
    body() {
      const { email_domain, ...account } = values.value;
      const parsed = tenantCreateSchema.safeParse({ kind: 'client', parent_id: parentId, account, email_domain, packages: packages.value, addons: addons.value });
      if (parsed.success) {
        put([]);
        return parsed.data;
      }
      put(parsed.error.issues.map((i) => ({ path: i.path, message: i.message })));
      return null;
    },
    /** The BFF's refusal: by field where it names one, else as the form's problem. */
    refused(answer: { message: string; fields?: { path: string; message: string }[] }) {
      if (answer.fields?.length) put(answer.fields);
      else if (/e-mail domain/.test(answer.message)) put([{ path: 'email_domain', message: answer.message }]);
      else put([{ path: '', message: answer.message }]);
    },
    reset() {
      values.value = emptyValues();
      packages.value = [BASE_PACKAGE];
      addons.value = [];
      put([]);
    },
  };
}
export type TenantForm = ReturnType<typeof createTenantForm>;

/** One IP or CIDR per line, blank lines dropped (the BFF decides what is valid). */
export const allowlistEntries = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** Termination is offered only once the name is typed exactly as shown (seed 000). */
export const terminationConfirmed = (typed: string, name: string) => typed === name;
