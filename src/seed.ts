import type { Core } from '@strapi/strapi';
import { DEMO_OPERATOR, EDITION_1, EDITION_2 } from './demo-policy';

const POLICY = 'plugin::policy-ledger.policy';
const EDITION = 'plugin::policy-ledger.edition';

/** Creates an edition in every locale of `texts`, linked to the policy. */
async function createEdition(
  strapi: Core.Strapi,
  policyDocumentId: string,
  texts: typeof EDITION_1,
  extra: Record<string, unknown>,
) {
  const [first, ...rest] = Object.entries(texts);
  const created = await strapi.documents(EDITION).create({
    locale: first[0],
    data: { ...first[1], ...extra, policy: policyDocumentId } as never,
  });
  for (const [locale, text] of rest) {
    await strapi.documents(EDITION).update({
      documentId: created.documentId,
      locale,
      data: { ...text, policy: policyDocumentId } as never,
    });
  }
  return created.documentId;
}

/**
 * Demo content for `npm run develop` on an empty database: the privacy policy
 * of a fictional bookshop in kk/ru/en, with edition 1 in force and edition 2
 * scheduled (released now, taking effect after the default delay).
 */
export async function seedDemo(strapi: Core.Strapi) {
  if ((await strapi.db.query(POLICY).count()) > 0) return;
  const editions = strapi.plugin('policy-ledger').service('editions');

  // Edition 1 takes effect on release (delay 0), so the demo has one in force.
  const policy = await strapi.documents(POLICY).create({
    data: { key: 'privacy', name: 'Privacy policy', effectDelayDays: 0, ...DEMO_OPERATOR } as never,
  });
  const v1 = await createEdition(strapi, policy.documentId, EDITION_1, {
    changeKind: 'material',
    editionDate: '2026-01-15',
  });
  await editions.release(v1);

  // Back to the plugin default (7 days) for the next edition.
  await strapi
    .documents(POLICY)
    .update({ documentId: policy.documentId, data: { effectDelayDays: null } as never });
  const v2 = await createEdition(strapi, policy.documentId, EDITION_2, { changeKind: 'material' });
  await editions.release(v2);

  // A contact form bound to the policy: submitting it records consent.
  await strapi.documents('plugin::policy-ledger.collection-form').create({
    data: {
      key: 'contact',
      name: 'Contact request',
      active: true,
      // Recorded at once: the demo runs without a mail server. A form's default
      // is double opt-in (see the "newsletter" form below).
      doubleOptIn: false,
      retentionDays: 180,
      labels: { title: { kk: 'Өтінім қалдыру', ru: 'Оставить заявку', en: 'Leave a request' } },
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          category: 'identity',
          maxLength: 100,
          label: { kk: 'Аты', ru: 'Имя', en: 'Name' },
        },
        {
          name: 'email',
          type: 'email',
          required: true,
          category: 'contact',
          label: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
        },
        {
          name: 'phone',
          type: 'phone',
          required: false,
          category: 'contact',
          label: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
        },
        {
          name: 'message',
          type: 'textarea',
          required: false,
          category: 'other',
          maxLength: 2000,
          label: { kk: 'Хабарлама', ru: 'Сообщение', en: 'Message' },
        },
      ],
      purposes: [
        {
          key: 'processing',
          required: true,
          legalBasis: 'consent',
          label: { kk: 'Өтінімді өңдеу', ru: 'Обработка заявки', en: 'Handle my request' },
        },
        {
          key: 'marketing',
          required: false,
          legalBasis: 'consent',
          label: { kk: 'Жаңалықтар', ru: 'Новости', en: 'News' },
        },
      ],
      policies: { connect: [{ documentId: policy.documentId }] },
    } as never,
  });

  // A newsletter sign-up with the default double opt-in: a submission waits
  // for the link e-mailed to the person (set SMTP_HOST to send it, see .env.example).
  await strapi.documents('plugin::policy-ledger.collection-form').create({
    data: {
      key: 'newsletter',
      name: 'Newsletter',
      active: true,
      retentionDays: 365,
      labels: { title: { kk: 'Жаңалықтарға жазылу', ru: 'Подписка на новости', en: 'Newsletter' } },
      fields: [
        {
          name: 'email',
          type: 'email',
          required: true,
          category: 'contact',
          label: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
        },
      ],
      purposes: [
        {
          key: 'marketing',
          required: true,
          legalBasis: 'consent',
          label: { kk: 'Жаңалықтар', ru: 'Новости', en: 'News' },
        },
      ],
      policies: { connect: [{ documentId: policy.documentId }] },
    } as never,
  });
  strapi.log.info(
    '[policy-ledger] demo content created: policy "privacy" (edition 1 in force, edition 2 scheduled), form "contact" and form "newsletter" (double opt-in)',
  );
}
