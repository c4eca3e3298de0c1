import { useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey, type SubmissionResult } from '../../client/src';
import { Checkbox } from './Checkbox';
import { usePolicyLedgerClient } from './context';
import { Field } from './Field';
import { useForm } from './hooks';
import { dateText, defaultLabels, fill, type Labels } from './labels';
import { errorsOf, shownEdition, submissionOf, type Values } from './submission';

export interface ConsentFormProps {
  formKey: string;
  locale?: string;
  /** Where the exact edition shown can be read; the API's HTML by default. */
  editionHref?: (policy: string, version: number, locale: string) => string;
  onSubmitted?: (result: SubmissionResult) => void;
  labels?: Partial<Labels>;
  className?: string;
}

/**
 * A collection form: its fields, one checkbox per purpose (all unticked),
 * one per policy to accept, linking the exact edition shown; sends that
 * edition's version and contentHash with an Idempotency-Key kept across
 * retries of the same answers, and shows the receipt.
 */
export function ConsentForm(props: ConsentFormProps) {
  const { formKey, locale, onSubmitted, className } = props;
  const l = { ...defaultLabels, ...props.labels };
  const client = usePolicyLedgerClient();
  const { data: def, error: loadError } = useForm(formKey, { locale });
  const [values, setValues] = useState<Values>({});
  const [purposes, setPurposes] = useState<Record<string, boolean>>({});
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ fields: Record<string, string>; message: string }>();
  const [receipt, setReceipt] = useState<SubmissionResult>();
  const attempt = useRef<{ body: string; key: string } | null>(null);

  if (!def) {
    return (
      <p className="pl-form-status" role={loadError ? 'alert' : undefined}>
        {loadError ? l.loadFailed : l.loading}
      </p>
    );
  }
  if (receipt) {
    return (
      <div className={`pl-receipt ${className ?? ''}`} role="status" aria-live="polite">
        <p>
          {fill(l.sent, {
            id: receipt.submissionId,
            date: dateText(receipt.receivedAt, def.locale),
          })}
        </p>
        <ul>
          {receipt.receipt.events.map((e) => (
            <li key={e.id} data-hash={e.hash}>
              {fill(l.receiptEvent, { policy: e.policy, version: e.version, action: e.action })}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const href =
    props.editionHref ??
    ((p: string, v: number, loc: string) =>
      `${client.baseUrl}/api/policy-ledger/policies/${encodeURIComponent(p)}/editions/${v}?locale=${loc}&format=html`);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!def) return;
    const body = submissionOf(def, values, purposes, globalThis.location?.href);
    const json = JSON.stringify(body);
    // The same answers again (after a failure) reuse the key: never recorded twice.
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    setSending(true);
    setProblem(undefined);
    try {
      const result = await client.submit(formKey, body, { idempotencyKey: attempt.current.key });
      attempt.current = null;
      setReceipt(result);
      onSubmitted?.(result);
    } catch (err) {
      const found = errorsOf(err);
      setProblem({ fields: found.fields, message: found.message || l.loadFailed });
    } finally {
      setSending(false);
    }
  }

  const fieldError = (path: string) => problem?.fields[path];
  return (
    <form className={`pl-form ${className ?? ''}`} lang={def.locale} onSubmit={onSubmit} noValidate>
      <h2 className="pl-form-title">{def.title}</h2>
      {def.fields.map((f) => (
        <Field
          key={f.name}
          field={f}
          value={values[f.name]}
          error={fieldError(`data.${f.name}`)}
          requiredMark={l.required}
          onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
        />
      ))}
      <fieldset className="pl-purposes">
        {def.purposes.map((p) => (
          <Checkbox
            key={p.key}
            name={`purpose-${p.key}`}
            checked={purposes[p.key] === true}
            required={p.required}
            error={fieldError(`purposes.${p.key}`)}
            onChange={(v) => setPurposes((s) => ({ ...s, [p.key]: v }))}
          >
            {p.label}
            {p.required && <span className="pl-required"> {l.required}</span>}
          </Checkbox>
        ))}
      </fieldset>
      {def.policies.map((p) => {
        const e = shownEdition(p);
        if (!e) return null;
        return (
          <Checkbox
            key={p.policy}
            name={`accept-${p.policy}`}
            checked={accepted[p.policy] === true}
            required
            onChange={(v) => setAccepted((s) => ({ ...s, [p.policy]: v }))}
          >
            <a
              className="pl-edition-link"
              href={href(p.policy, e.version, e.servedLocale)}
              target="_blank"
              rel="noreferrer"
            >
              {fill(l.accept, {
                policy: e.title,
                version: e.version,
                date: dateText(e.effectiveAt, def.locale),
              })}
            </a>
          </Checkbox>
        );
      })}
      <div className="pl-form-errors" role="alert" aria-live="assertive">
        {problem && (
          <p className="pl-error">
            {Object.keys(problem.fields).length ? l.fixErrors : problem.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="pl-button pl-submit"
        disabled={sending || def.policies.some((p) => shownEdition(p) && !accepted[p.policy])}
        aria-busy={sending}
      >
        {sending ? l.sending : l.submit}
      </button>
    </form>
  );
}
