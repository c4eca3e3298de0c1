import type { PersonMessage, PersonRecord, SubjectExportLocale } from '../../../shared/contracts';
import { renderMarkdown } from '../domain/render';
import { PERSON_HTML_TEXT } from './person-html-text';

/**
 * The access export as a page a person can read (admin → People → Download
 * HTML): their standing, what they submitted (and what waits for their
 * confirmation, with the e-mails about it), every consent event with its
 * evidence, and the full text of each edition they accepted. Every value is
 * escaped; the texts are the sanitized Markdown rendering the API serves.
 * Instants are ISO 8601 in UTC, as the page says. In English, Russian or Kazakh
 * (the admin's interface language); the data itself stays as recorded.
 */
const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (v: unknown): string =>
  v === null || v === undefined ? '' : String(v).replace(/[&<>"']/g, (c) => ESC[c]);

const row = (cells: unknown[], tag = 'td') =>
  `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;

const table = (head: string[], rows: unknown[][], none: string) =>
  rows.length
    ? `<table><thead>${row(head, 'th')}</thead><tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`
    : `<p>${esc(none)}</p>`;

const fieldsText = (data: Record<string, unknown>) =>
  Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

export function personHtml(
  record: PersonRecord,
  generatedAt: string,
  locale: SubjectExportLocale = 'en',
): string {
  const t = PERSON_HTML_TEXT[locale];
  const purposesText = (p: Record<string, boolean>) =>
    Object.entries(p)
      .map(([k, v]) => `${k}: ${v ? t.yes : t.no}`)
      .join(', ');
  const standings = table(
    t.standingsHead,
    record.standings.map((s) => [
      s.name ? `${s.name} (${s.policy})` : s.policy,
      s.acceptedVersion === null ? '—' : `v${s.acceptedVersion} (${s.acceptedLocale ?? '?'})`,
      s.currentVersion === null ? '—' : `v${s.currentVersion}`,
      s.needsAcceptance ? `${t.yes}: ${s.reason}` : t.no,
      purposesText(s.purposes),
    ]),
    t.none,
  );
  const messagesText = (messages: readonly PersonMessage[]) =>
    messages
      .map(
        (m) =>
          `${t.message[m.kind] ?? m.kind}: ${t.message.queued} ${m.createdAt}, ${m.sentAt ? `${t.message.sent} ${m.sentAt}` : t.message.notSent}`,
      )
      .join('; ');
  const submissions = table(
    t.submissionsHead,
    record.submissions.map((s) => [
      s.id,
      `${s.form} r${s.formRevision}`,
      s.receivedAt,
      s.locale,
      s.erasedAt ? `${t.erased} ${s.erasedAt}` : fieldsText(s.data ?? {}),
      messagesText(s.messages),
    ]),
    t.none,
  );
  const held = record.held.length
    ? `<h2>${esc(t.heldHeading)}</h2>
<p>${esc(t.heldIntro)}</p>
${table(
  t.heldHead,
  record.held.map((h) => [
    h.id,
    `${h.form} r${h.formRevision}`,
    h.receivedAt,
    h.expiresAt,
    h.locale,
    `${fieldsText(h.data)}; ${purposesText(h.purposes)}`,
    messagesText(h.messages),
  ]),
  t.none,
)}
`
    : '';
  const contacts = record.contacts.length
    ? `<h2>${esc(t.contactsHeading)}</h2>
${table(
  t.contactsHead,
  record.contacts.map((c) => [
    c.email,
    c.confirmedAt ?? '',
    c.locale ?? '',
    c.notices ? t.yes : t.no,
  ]),
  t.none,
)}
`
    : '';
  const events = table(
    t.eventsHead,
    record.events.map((e) => [
      e.seq,
      e.occurredAt,
      e.action,
      // A link entry names the person's other pseudonym, no policy (services/identities.ts).
      e.linkedSubject ? `↔ ${e.linkedSubject}` : `${e.policy} v${e.version}`,
      e.locale ?? '',
      purposesText(e.purposes),
      e.form ? `${e.method} (${e.form})` : e.method,
      t.strength[e.strength ?? 'none'],
      e.evidence
        ? [e.evidence.ip, e.evidence.userAgent, e.evidence.pageUrl].filter(Boolean).join(' · ')
        : '',
    ]),
    t.none,
  );
  const texts = record.texts
    .map(
      (text) => `<section class="text" lang="${esc(text.locale)}">
<h3>${esc(text.title)} — ${esc(text.policy)} v${esc(text.version)} (${esc(text.locale)})</h3>
<p class="hash">${esc(t.hash)}: <code>${esc(text.contentHash)}</code></p>
<div class="body">${renderMarkdown(text.body)}</div>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<title>${esc(t.title)} — ${esc(record.subject.slice(0, 12))}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.text{border-top:2px solid #333;margin-top:2rem}.hash{color:#555}</style></head>
<body>
<h1>${esc(t.heading)}</h1>
<p>${esc(t.intro(record.subject, generatedAt))}</p>
<h2>${esc(t.standingsHeading)}</h2>
${standings}
<h2>${esc(t.submissionsHeading)}</h2>
${submissions}
${held}${contacts}<h2>${esc(t.eventsHeading)}</h2>
${events}
<h2>${esc(t.textsHeading)}</h2>
${texts || `<p>${esc(t.none)}</p>`}
</body></html>
`;
}
