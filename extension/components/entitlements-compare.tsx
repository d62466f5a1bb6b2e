// Compare the tenant shown with another, side by side: one row per package, add-on and permission
// set, each side Enabled/Denied with its reason, differences marked in words and colour.
import { useId, useState } from 'preact/hooks';
import type { EntitlementsResponse } from '../../shared/entitlements';
import { ENTITLEMENT_KINDS, statusText, type Entitlement } from '../state/access-labels';
import { compareEntitlements, differenceCount } from '../state/entitlements-compare';
import type { askBackground } from '../utils/messaging';
import { askExplain } from '../utils/explain-messaging';
import { TenantPicker } from './tenant-picker';

interface EntitlementsCompareProps {
  base: EntitlementsResponse;
  listId: string;
  resolve?: (typed: string) => string;
  ask?: typeof askBackground;
}

function Side({ entitlement }: { entitlement: Entitlement | null }) {
  if (!entitlement) return <td class="side is-absent">Not listed</td>;
  return (
    <td class={`side ${entitlement.enabled ? 'is-enabled' : 'is-denied'}`}>
      <span class="status">{statusText(entitlement.enabled)}</span>
      <span class="reason">{entitlement.reason}</span>
    </td>
  );
}

export function EntitlementsCompare({ base, listId, resolve, ask = askExplain }: EntitlementsCompareProps) {
  const [other, setOther] = useState<EntitlementsResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const headingId = useId();

  async function compare(tenantId: string) {
    setBusy(true);
    const answer = await ask({ type: 'tenant.entitlements', tenantId });
    setBusy(false);
    setProblem(answer.ok ? null : answer.message);
    setOther(answer.ok && 'entitlements' in answer ? answer.entitlements : null);
  }

  const rows = other ? compareEntitlements(base, other) : [];
  const differing = differenceCount(rows);
  return (
    <section class="compare" aria-labelledby={headingId}>
      <h2 id={headingId}>Compare</h2>
      <TenantPicker label="Compare with" button="Compare" listId={listId} busy={busy} resolve={resolve} onPick={compare} />
      {problem ? (
        <p role="alert" class="problem">
          {problem}
        </p>
      ) : null}
      {other ? (
        <>
          <label class="toggle">
            <input type="checkbox" checked={differencesOnly} onChange={(e) => setDifferencesOnly(e.currentTarget.checked)} />
            Show differences only
          </label>
          <table class="compare-table">
            <caption>
              {base.tenant.name} compared with {other.tenant.name}: {differing} {differing === 1 ? 'difference' : 'differences'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Entitlement</th>
                <th scope="col">{base.tenant.name}</th>
                <th scope="col">{other.tenant.name}</th>
              </tr>
            </thead>
            {ENTITLEMENT_KINDS.map(({ kind, title }) => {
              const shown = rows.filter((r) => r.kind === kind && (!differencesOnly || r.differs));
              return shown.length === 0 ? null : (
                <tbody key={kind}>
                  <tr>
                    <th scope="rowgroup" colSpan={3} class="group">
                      {title}
                    </th>
                  </tr>
                  {shown.map((r) => (
                    <tr key={r.key} class={r.differs ? 'is-different' : undefined}>
                      <th scope="row">
                        {r.name}
                        {r.differs ? <span class="differs"> (differs)</span> : null}
                      </th>
                      <Side entitlement={r.left} />
                      <Side entitlement={r.right} />
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </>
      ) : null}
    </section>
  );
}
