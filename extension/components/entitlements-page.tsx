// The entitlements view (issue 15): a tenant's packages, add-ons and permission sets with where
// each comes from, "why can't I …", a summary to copy into a ticket, and a side-by-side compare.
// Everything comes from the BFF through the background (askBackground), never fetched here.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ExplainResponse } from '../../shared/access-explain';
import type { UserSummary } from '../../shared/common';
import type { EntitlementsResponse } from '../../shared/entitlements';
import { ENTITLEMENT_KINDS, bothTimes, type TimeFormat } from '../state/access-labels';
import { ticketSummary } from '../state/ticket-summary';
import { cachedContextOf } from '../utils/cached-context';
import type { askBackground } from '../utils/messaging';
import { askExplain } from '../utils/explain-messaging';
import type { SwitcherStore } from '../utils/switcher-store';
import { EntitlementsCompare } from './entitlements-compare';
import { EntitlementsTable } from './entitlements-table';
import { ExplainForm } from './explain-form';
import { TenantPicker } from './tenant-picker';
import { TicketCopy } from './ticket-copy';

interface EntitlementsPageProps {
  store: Pick<SwitcherStore, 'cache'>;
  /** The page's query: `?tenant=<id>&permission=<id>` (the background opens it so). */
  search?: string;
  ask?: typeof askBackground;
  clipboard?: Pick<Clipboard, 'writeText'>;
  timeFormat?: TimeFormat;
}

interface View {
  tenantId: string | null;
  loading: boolean;
  entitlements: EntitlementsResponse | null;
  problem: string | null;
}

export function EntitlementsPage({ store, search = globalThis.location?.search ?? '', ask = askExplain, clipboard, timeFormat }: EntitlementsPageProps) {
  const [query] = useState(() => new URLSearchParams(search));
  const [user, setUser] = useState<UserSummary | null | undefined>(undefined);
  const [sessionProblem, setSessionProblem] = useState<string | null>(null);
  const [view, setView] = useState<View>({ tenantId: null, loading: false, entitlements: null, problem: null });
  const [explanation, setExplanation] = useState<ExplainResponse | null>(null);
  const [deniedOnly, setDeniedOnly] = useState(false);
  const shown = useRef(0);
  const listId = useId();

  async function show(tenantId: string) {
    const mine = ++shown.current;
    if (tenantId !== view.tenantId) setExplanation(null);
    setView({ tenantId, loading: true, entitlements: null, problem: null });
    const answer = await ask({ type: 'tenant.entitlements', tenantId });
    if (mine !== shown.current) return; // another tenant was asked for meanwhile
    const entitlements = answer.ok && 'entitlements' in answer ? answer.entitlements : null;
    setView({ tenantId, loading: false, entitlements, problem: answer.ok ? null : answer.message });
  }

  useEffect(() => {
    void ask({ type: 'session.status' }).then((answer) => {
      if (!answer.ok) return setSessionProblem(answer.message);
      setUser(answer.user);
      const tenant = query.get('tenant');
      if (answer.user && tenant) void show(tenant);
    });
  }, []);
  const ent = view.entitlements;
  useEffect(() => {
    document.title = ent ? `Entitlements of ${ent.tenant.name} · MSP Switchboard` : 'Entitlements · MSP Switchboard';
  }, [ent]);

  if (sessionProblem) return <p role="alert" class="problem">{sessionProblem}</p>;
  if (user === undefined) return <p role="status">Loading…</p>;
  if (user === null) return <p class="signed-out">Sign in from the MSP Switchboard toolbar button</p>;

  const customers = cachedContextOf(store.cache.value, user.id)?.customers ?? [];
  const resolve = (typed: string) => customers.find((c) => c.name.toLowerCase() === typed.toLowerCase())?.tenant_id ?? typed;
  return (
    <main class="entitlements-page">
      <header class="page-header">
        <h1>{ent ? `Entitlements of ${ent.tenant.name}` : 'Entitlements'}</h1>
        <p class="signed-in">Signed in as {user.email}</p>
      </header>
      <datalist id={listId}>
        {customers.map((c) => (
          <option key={c.tenant_id} value={c.tenant_id} label={c.name} />
        ))}
      </datalist>
      <TenantPicker label="Tenant" button="Show" listId={listId} initial={query.get('tenant') ?? ''} busy={view.loading} resolve={resolve} onPick={show} />
      {view.loading ? <p role="status">Loading entitlements…</p> : null}
      {view.problem ? (
        <p role="alert" class="problem">
          {view.problem}
        </p>
      ) : null}
      {ent ? (
        <>
          <p class="tenant-facts">
            {ent.tenant.id} · {ent.tenant.kind} · {ent.tenant.status} · evaluated {bothTimes(ent.evaluated_at, timeFormat)}
          </p>
          <label class="toggle">
            <input type="checkbox" checked={deniedOnly} onChange={(e) => setDeniedOnly(e.currentTarget.checked)} />
            Show denied only
          </label>
          {ENTITLEMENT_KINDS.map(({ kind, title }) => (
            <EntitlementsTable key={kind} title={title} rows={ent[kind]} deniedOnly={deniedOnly} />
          ))}
        </>
      ) : null}
      {view.tenantId && !view.problem ? (
        <ExplainForm
          tenantId={view.tenantId}
          initialPermission={query.get('permission') ?? ''}
          explanation={explanation}
          onExplained={setExplanation}
          ask={ask}
          timeFormat={timeFormat}
        />
      ) : null}
      {ent ? <TicketCopy summary={() => ticketSummary({ entitlements: ent, user, explanation }, timeFormat)} clipboard={clipboard} /> : null}
      {ent ? <EntitlementsCompare base={ent} listId={listId} resolve={resolve} ask={ask} /> : null}
    </main>
  );
}
