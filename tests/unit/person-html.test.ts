import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import type { PersonRecord } from '../../shared/contracts';
import { personHtml } from '../../server/src/reports/person-html';

const EMPTY: PersonRecord = {
  subject: 'a'.repeat(64),
  submissions: [],
  held: [],
  events: [],
  texts: [],
  standings: [],
  contacts: [],
  identities: ['a'.repeat(64)],
  links: [],
} satisfies PersonRecord;

const HELD: PersonRecord['held'][number] = {
  id: 'held-1',
  form: 'signup',
  formRevision: 2,
  locale: 'ru',
  receivedAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-03-08T10:00:00.000Z',
  status: 'awaiting-confirmation',
  data: { name: '<b>Ana</b>', phone: '+77011234567' },
  purposes: { processing: true, marketing: false },
  messages: [{ kind: 'confirmation', createdAt: '2026-03-01T10:00:00.000Z', sentAt: null }],
};

describe('personHtml: held submissions and e-mails', () => {
  it('lists the confirmed address kept for notices, in the page’s language', () => {
    const page = personHtml(
      {
        ...EMPTY,
        contacts: [
          {
            email: 'ana@example.kz',
            locale: 'ru',
            confirmedAt: '2026-03-01T10:00:00.000Z',
            notices: true,
          },
        ],
      },
      '2026-03-02T00:00:00.000Z',
      'ru',
    );
    assert.match(page, /Ваш подтверждённый адрес e-mail/);
    assert.match(page, /ana@example\.kz/);
    assert.doesNotMatch(
      personHtml(EMPTY, '2026-03-02T00:00:00.000Z', 'ru'),
      /подтверждённый адрес/,
    );
  });

  it('says nothing of held submissions when there are none', () => {
    const page = personHtml(EMPTY, '2026-03-02T00:00:00.000Z');
    assert.doesNotMatch(page, /Waiting for your confirmation/);
  });

  it('lists what waits for confirmation, escaped, with its e-mail and when the link expires', () => {
    const page = personHtml({ ...EMPTY, held: [HELD] }, '2026-03-02T00:00:00.000Z');
    assert.match(page, /<h2>Waiting for your confirmation<\/h2>/);
    assert.match(page, /<td>held-1<\/td><td>signup r2<\/td>/);
    assert.match(page, /<td>2026-03-08T10:00:00.000Z<\/td>/);
    assert.ok(page.includes('name: &lt;b&gt;Ana&lt;/b&gt;; phone: +77011234567'));
    assert.ok(page.includes('processing: yes, marketing: no'));
    assert.ok(page.includes('confirmation e-mail: queued 2026-03-01T10:00:00.000Z, not sent yet'));
  });

  it('names a recorded submission’s e-mails, in the page’s language', () => {
    const record = {
      ...EMPTY,
      submissions: [
        {
          id: 's-1',
          form: 'signup',
          formRevision: 1,
          locale: 'ru',
          receivedAt: '2026-03-01T10:00:00.000Z',
          data: { email: 'ana@example.kz' },
          erasedAt: null,
          messages: [
            {
              kind: 'confirmation' as const,
              createdAt: '2026-03-01T10:00:00.000Z',
              sentAt: '2026-03-01T10:00:05.000Z',
            },
          ],
        },
      ],
    };
    const page = personHtml(record, '2026-03-02T00:00:00.000Z', 'ru');
    assert.ok(
      page.includes(
        'письмо для подтверждения: в очереди с 2026-03-01T10:00:00.000Z, отправлено 2026-03-01T10:00:05.000Z',
      ),
    );
    assert.ok(page.includes('<th>Письма</th>'));
  });
});
