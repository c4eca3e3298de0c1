import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  isPolicyLedgerError,
  isPolicyLedgerNetworkError,
  newIdempotencyKey,
  type SubmissionOutcome,
} from '../../client/src';
import { Acceptance, unaccepted } from './Acceptance';
import { Checkbox } from './Checkbox';
import { usePolicyLedgerClient } from './context';
import { Field } from './Field';
import { useForm } from './hooks';
import { cx, dateText, defaultLabels, fill, type Labels } from './labels';
import { LoadState } from './LoadState';
import { Receipt } from './Receipt';
import { fieldMessages, pageUrlOf, submissionOf, type Values } from './submission';

export interface ConsentFormProps {
  /** The collection form's key, e.g. "contact". */
  formKey: string;
  /** The locale of the labels and of the editions shown; the browser's languages when absent. */
  locale?: string;
  /** A page of your site showing an edition; without it, the edition's text opens in place. */
  editionHref?: (policy: string, version: number, locale: string) => string;
  /**
   * How the person accepts the bound policies: `checkbox` (default), one box
   * to tick per policy before sending; `submit`, sending the form accepts them.
   */
  acceptBy?: 'checkbox' | 'submit';
  /**
   * Called with the receipt after the server recorded the submission (201),
   * or with `status: 'pending'` on a double opt-in form (202): the person
   * confirms through the link e-mailed to them.
   */
  onSubmitted?: (result: SubmissionOutcome) => void;
  /** On a double opt-in form: a box asking to be e-mailed when a policy changes (the basis of notices). */
  offerNotices?: boolean;
  labels?: Partial<Labels>;
  className?: string;
}

interface Problem {
  fields: Record<string, string>;
  message: string;
}

/**
 * A collection form as its definition says: its fields, one checkbox per
 * purpose (none ticked), and the exact editions the person accepts (version
 * and effective date, readable). Sends those editions' version and
 * contentHash, with one Idempotency-Key for the same answers however often
 * they are sent, and shows the receipt; a 400's field errors appear next to
 * their fields, and a 409 (the policy changed meanwhile) reloads the form.
 */
export function ConsentForm(props: ConsentFormProps) {
  const { formKey, locale, editionHref, onSubmitted, className, acceptBy = 'checkbox' } = props;
  const [notices, setNotices] = useState(false);
  const l = { ...defaultLabels, ...props.labels };
  const client = usePolicyLedgerClient();
  const { data: def, error: loadError, reload } = useForm(formKey, { locale });
  const [values, setValues] = useState<Values>({});
  const [purposes, setPurposes] = useState<Record<string, boolean>>({});
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState<SubmissionOutcome>();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // After a refused submission, the first field to correct gets the focus.
    if (problem) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!def || sending) return;
    const missing = acceptBy === 'checkbox' ? unaccepted(def, accepted, l.acceptRequired) : {};
    if (Object.keys(missing).length) return setProblem({ fields: missing, message: l.fixErrors });
    const body = {
      ...submissionOf(def, values, purposes, pageUrlOf(globalThis.location)),
      ...(props.offerNotices && def.doubleOptIn && notices ? { notices: true } : {}),
    };
    const json = JSON.stringify(body);
    // The same answers sent again (after a failure) keep their key: recorded once at most.
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    setSending(true);
    setProblem(undefined);
    try {
      const res = await client.submit(formKey, body, { idempotencyKey: attempt.current.key });
      attempt.current = null;
      setResult(res);
      onSubmitted?.(res);
    } catch (err) {
      setProblem(problemOf(err, l));
      // The policy changed meanwhile: load the new edition (its box starts unticked).
      if (isPolicyLedgerError(err) && err.status === 409) reload();
    } finally {
      setSending(false);
    }
  }

  const fieldError = (path: string) => problem?.fields[path];
  return (
    <div className={cx('pl-consent', className)} data-form={formKey}>
      <div className="pl-status" role="status" aria-live="polite">
        {result?.status === 'recorded' && def && <Receipt result={result} def={def} labels={l} />}
        {result?.status === 'pending' && def && (
          <p className="pl-pending">
            {fill(l.pending, {
              email: result.confirmation.sentTo,
              date: dateText(result.confirmation.expiresAt, def.locale),
            })}
          </p>
        )}
      </div>
      {!def && <LoadState error={loadError} reload={reload} labels={l} />}
      {def && !result && (
        <form ref={formRef} className="pl-form" lang={def.locale} onSubmit={onSubmit} noValidate>
          <h2 className="pl-form-title">{def.title}</h2>
          {def.fields.map((f) => (
            <Field
              key={f.name}
              field={f}
              value={values[f.name]}
              error={fieldError(`data.${f.name}`)}
              requiredMark={l.required}
              chooseText={l.choose}
              onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
            />
          ))}
          {def.purposes.length > 0 && (
            <fieldset className="pl-purposes">
              <legend className="pl-legend">{l.purposes}</legend>
              {def.purposes.map((p) => (
                <Checkbox
                  key={p.key}
                  name={`purposes.${p.key}`}
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
          )}
          {props.offerNotices && def.doubleOptIn && (
            <Checkbox name="notices" checked={notices} required={false} onChange={setNotices}>
              {l.notices}
            </Checkbox>
          )}
          <Acceptance
            def={def}
            by={acceptBy}
            accepted={accepted}
            onAccept={(key, v) => setAccepted((s) => ({ ...s, [key]: v }))}
            errorOf={fieldError}
            editionHref={editionHref}
            labels={l}
          />
          <div className="pl-form-errors" role="alert">
            {problem && <p>{problem.message}</p>}
          </div>
          <button type="submit" className="pl-button pl-submit" disabled={sending}>
            {sending ? l.sending : l.submit}
          </button>
        </form>
      )}
    </div>
  );
}

/** What a failed submission says to the person, and next to which fields. */
function problemOf(err: unknown, l: Labels): Problem {
  if (isPolicyLedgerNetworkError(err)) return { fields: {}, message: l.networkFailed };
  if (!isPolicyLedgerError(err)) return { fields: {}, message: l.sendFailed };
  if (err.status === 409) return { fields: {}, message: l.policyChanged };
  const fields = fieldMessages(err.fieldErrors, l.fieldRequired);
  return { fields, message: Object.keys(fields).length ? l.fixErrors : l.sendFailed };
}
