import type { PersonRecord } from '../../../shared/contracts';
import { renderMarkdown } from '../domain/render';

/**
 * The access export as a page a person can read (admin → People → Download
 * HTML): their standing, what they submitted, every consent event with its
 * evidence, and the full text of each edition they accepted. Every value is
 * escaped; the texts are the sanitized Markdown rendering the API serves.
 * Instants are ISO 8601 in UTC, as the page says.
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

const table = (head: string[], rows: unknown[][]) =>
  rows.length
    ? `<table><thead>${row(head, 'th')}</thead><tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`
    : '<p>None.</p>';

const purposesText = (p: Record<string, boolean>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`)
    .join(', ');

const fieldsText = (data: Record<string, unknown>) =>
  Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

/** How the person was verified, in words (SubjectExport events' `strength`). */
const STRENGTH = {
  confirmed: 'confirmed: e-mail link opened',
  unverified: 'unverified',
  none: 'recorded by the operator',
} as const;

export function personHtml(record: PersonRecord, generatedAt: string): string {
  const standings = table(
    ['Policy', 'Accepted edition', 'Edition in force', 'Needs acceptance', 'Purposes'],
    record.standings.map((s) => [
      s.name ? `${s.name} (${s.policy})` : s.policy,
      s.acceptedVersion === null ? '—' : `v${s.acceptedVersion} (${s.acceptedLocale ?? '?'})`,
      s.currentVersion === null ? '—' : `v${s.currentVersion}`,
      s.needsAcceptance ? `yes: ${s.reason}` : 'no',
      purposesText(s.purposes),
    ]),
  );
  const submissions = table(
    ['Submission', 'Form', 'Received (UTC)', 'Locale', 'Data'],
    record.submissions.map((s) => [
      s.id,
      `${s.form} r${s.formRevision}`,
      s.receivedAt,
      s.locale,
      s.erasedAt ? `erased ${s.erasedAt}` : fieldsText(s.data ?? {}),
    ]),
  );
  const events = table(
    ['#', 'When (UTC)', 'Decision', 'Policy', 'Locale', 'Purposes', 'How', 'Verified', 'Evidence'],
    record.events.map((e) => [
      e.seq,
      e.occurredAt,
      e.action,
      `${e.policy} v${e.version}`,
      e.locale ?? '',
      purposesText(e.purposes),
      e.form ? `${e.method} (${e.form})` : e.method,
      STRENGTH[e.strength ?? 'none'],
      e.evidence
        ? [e.evidence.ip, e.evidence.userAgent, e.evidence.pageUrl].filter(Boolean).join(' · ')
        : '',
    ]),
  );
  const texts = record.texts
    .map(
      (t) => `<section class="text" lang="${esc(t.locale)}">
<h3>${esc(t.title)} — ${esc(t.policy)} v${esc(t.version)} (${esc(t.locale)})</h3>
<p class="hash">SHA-256 of the text: <code>${esc(t.contentHash)}</code></p>
<div class="body">${renderMarkdown(t.body)}</div>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Personal data held — ${esc(record.subject.slice(0, 12))}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.text{border-top:2px solid #333;margin-top:2rem}.hash{color:#555}</style></head>
<body>
<h1>Personal data held about you</h1>
<p>Reference (pseudonym): <code>${esc(record.subject)}</code>. Generated ${esc(generatedAt)}. Times are UTC (ISO 8601).</p>
<h2>Your consent, now</h2>
${standings}
<h2>What you sent us</h2>
${submissions}
<h2>Every decision recorded</h2>
${events}
<h2>The texts you accepted</h2>
${texts || '<p>None.</p>'}
</body></html>
`;
}
