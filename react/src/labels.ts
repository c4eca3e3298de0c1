/**
 * Every string the components show besides the server's own texts (titles,
 * field and purpose labels), in English. Pass `labels` to any component to
 * translate some or all of them; `{name}` marks a value filled in.
 */
export const defaultLabels = {
  loading: 'Loading…',
  loadFailed: 'Could not load this. Please try again.',
  retry: 'Try again',
  version: 'Version {version}',
  editionDate: 'Edition of {date}',
  inForceSince: 'In force since {date}',
  shownInLocale: 'Not available in your language; shown in {language}.',
  upcoming: 'A new edition (version {version}) takes effect on {date}.',
  required: '(required)',
  choose: 'Choose…',
  purposes: 'Your consent',
  accept: 'I have read and accept the {policy} (version {version}, in force since {date}).',
  acceptRequired: 'Please accept to send the form.',
  accepting: 'By sending this form you accept:',
  edition: '{policy}, version {version}, effective {date}',
  submit: 'Send',
  sending: 'Sending…',
  fieldRequired: 'This field is required.',
  fixErrors: 'Please correct the marked fields.',
  sendFailed: 'The form could not be sent. Please try again.',
  networkFailed: 'No connection to the server. Please try again.',
  policyChanged: 'The policy has just changed. Please review the new edition and send again.',
  sent: 'Thank you. Your submission {id} was received on {date}.',
  pending:
    'Almost done: we sent a link to {email}. Open it by {date} to confirm; until then nothing is recorded.',
  notices: 'E-mail me when this policy changes.',
  confirmAsk: 'Confirm your submission to record your consent.',
  confirm: 'Confirm',
  confirmExpired: 'This link has expired or was already used: nothing more was recorded.',
  receiptEvent: '{policy}, version {version}: {action}',
  granted: 'accepted',
  reconsent: 'Our {policy} has changed. Please review and accept version {version}.',
  reasonNotAccepted: 'You have not accepted it yet.',
  reasonDenied: 'You declined it earlier.',
  reasonReconsent: 'This change needs your consent again.',
  reasonExpired: 'Your consent has expired: please give it again.',
  review: 'Review and accept',
};

export type Labels = typeof defaultLabels;

/** "Version {version}" + { version: 3 } → "Version 3". */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** A date (YYYY-MM-DD, the same day everywhere) or an instant as `locale` writes a date. */
export function dateText(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {};
  try {
    return new Date(iso).toLocaleDateString(locale, { dateStyle: 'long', ...zone });
  } catch {
    return iso.slice(0, 10);
  }
}

/** "ru" in `locale`'s words ("Russian", "орысша"), else the code itself. */
export function languageName(code: string, locale?: string): string {
  try {
    return (
      new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** `className` joined after the component's own class. */
export const cx = (own: string, extra?: string) => (extra ? `${own} ${extra}` : own);
