import type { FormDefinition, FormPolicyEdition } from '../../client/src';
import { Checkbox } from './Checkbox';
import { EditionLink } from './EditionLink';
import { dateText, fill, type Labels } from './labels';
import { shownEdition } from './submission';

export interface AcceptanceProps {
  def: FormDefinition;
  /** `checkbox`: one "I have read and accept" box per policy; `submit`: sending is accepting. */
  by: 'checkbox' | 'submit';
  /** Ticks by `tickKey`: a tick holds for one edition text only. */
  accepted: Record<string, boolean>;
  onAccept: (key: string, accepted: boolean) => void;
  errorOf: (path: string) => string | undefined;
  editionHref?: (policy: string, version: number, locale: string) => string;
  labels: Labels;
}

/**
 * The policies a person accepts by sending the form, each in the exact
 * edition the form will record (version, effective date), readable through
 * a link to it, with a checkbox to tick or a statement that sending accepts.
 */
export function Acceptance({ def, by, accepted, onAccept, errorOf, ...rest }: AcceptanceProps) {
  const l = rest.labels;
  const shown = def.policies.flatMap((p) => {
    const e = shownEdition(p);
    return e ? [{ policy: p.policy, e }] : [];
  });
  if (!shown.length) return null;
  const items = shown.map(({ policy, e }) => {
    const values = {
      policy: e.title,
      version: e.version,
      date: dateText(e.effectiveAt, def.locale),
    };
    const link = (
      <EditionLink
        policy={policy}
        edition={e}
        text={fill(l.edition, values)}
        href={rest.editionHref?.(policy, e.version, e.servedLocale)}
        labels={l}
      />
    );
    return (
      <li key={policy} className="pl-acceptance" data-policy={policy} data-version={e.version}>
        {by === 'checkbox' && (
          <Checkbox
            name={`accepted.${policy}`}
            checked={accepted[tickKey(policy, e)] === true}
            required
            error={errorOf(`accepted.${policy}`)}
            onChange={(v) => onAccept(tickKey(policy, e), v)}
          >
            {fill(l.accept, values)}
            <span className="pl-required"> {l.required}</span>
          </Checkbox>
        )}
        {link}
      </li>
    );
  });
  return (
    <div className="pl-accepting">
      {by === 'submit' && <p>{l.accepting}</p>}
      <ul className="pl-editions">{items}</ul>
    </div>
  );
}

/** A tick is for one policy in one edition text (version and locale: its hash). */
const tickKey = (policy: string, e: FormPolicyEdition) => `${policy}:${e.contentHash}`;

/** The policies whose box is not ticked for the edition shown now, as field errors. */
export function unaccepted(
  def: FormDefinition,
  accepted: Record<string, boolean>,
  message: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of def.policies) {
    const e = shownEdition(p);
    if (e && !accepted[tickKey(p.policy, e)]) out[`accepted.${p.policy}`] = message;
  }
  return out;
}
