// Packages and their add-ons as checkboxes (seed 001). Nothing is fixed up here: the BFF refuses
// an add-on without its package or beyond the partner's, and the form shows its words.
import { toggled } from '../state/access-admin-assign';
import { PACKAGE_CHOICES } from '../state/access-admin-tenants';

interface Props {
  packages: readonly string[];
  addons: readonly string[];
  onChange: (packages: string[], addons: string[]) => void;
}

export function AccessAdminSubscriptionChoices({ packages, addons, onChange }: Props) {
  return (
    <fieldset class="subscriptions">
      <legend>Packages and add-ons</legend>
      {PACKAGE_CHOICES.map((p) => (
        <fieldset key={p.id} class="package">
          <legend>
            <label>
              <input type="checkbox" checked={packages.includes(p.id)} onChange={(e) => onChange(toggled(packages, p.id, e.currentTarget.checked), [...addons])} />
              {p.name}
            </label>
          </legend>
          {p.addons.map((a) => (
            <label key={a.id} class="addon">
              <input type="checkbox" checked={addons.includes(a.id)} onChange={(e) => onChange([...packages], toggled(addons, a.id, e.currentTarget.checked))} />
              {a.name}
            </label>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
