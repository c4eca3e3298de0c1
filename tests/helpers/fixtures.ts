import assert from 'node:assert/strict';
import { http, type Res } from './http';
import { testApp } from './strapi';

export const POLICY = 'plugin::policy-ledger.policy';
export const EDITION = 'plugin::policy-ledger.edition';
const CM = '/content-manager/collection-types';

let counter = 0;
/** A policy key no other test uses. */
export const uniqueKey = (prefix = 'p') => `${prefix}-${process.pid}-${++counter}`;

export interface Texts {
  [locale: string]: { title: string; body: string; changeSummary?: string };
}

export const textsFor = (label: string, locales = ['kk', 'ru', 'en']): Texts =>
  Object.fromEntries(
    locales.map((l) => [
      l,
      {
        title: `${label} (${l})`,
        body: `# ${label}\n\nText of ${label} in ${l}.`,
        changeSummary: `${label} changes (${l})`,
      },
    ]),
  );

/** Creates a policy through the Content Manager admin API, as an editor would. */
export async function createPolicy(key: string, extra: Record<string, unknown> = {}) {
  const res = await http(`${CM}/${POLICY}`, {
    admin: true,
    body: { name: `Policy ${key}`, key, ...extra },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data as { documentId: string; id: number; key: string };
}

/** Creates an edition one locale at a time through the Content Manager, linked to the policy. */
export async function createEdition(
  policyDocumentId: string,
  texts: Texts,
  extra: Record<string, unknown> = {},
) {
  const [[firstLocale, first], ...rest] = Object.entries(texts);
  const policy = { connect: [{ documentId: policyDocumentId }] };
  const created = await http(`${CM}/${EDITION}?locale=${firstLocale}`, {
    admin: true,
    body: { ...first, ...extra, policy },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const documentId = created.body.data.documentId as string;
  for (const [locale, t] of rest) {
    const res = await http(`${CM}/${EDITION}/${documentId}?locale=${locale}`, {
      method: 'PUT',
      admin: true,
      body: { ...t, policy },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  return documentId;
}

export function release(documentId: string, body: Record<string, unknown> = {}): Promise<Res> {
  return http(`/policy-ledger/editions/${documentId}/release`, { admin: true, body });
}

export function cancel(documentId: string): Promise<Res> {
  return http(`/policy-ledger/editions/${documentId}/cancel`, { admin: true, body: {} });
}

export function editionStatus(documentId: string): Promise<Res> {
  return http(`/policy-ledger/editions/${documentId}/status`, { admin: true });
}

/** Releases and asserts success. */
export async function released(documentId: string, body: Record<string, unknown> = {}) {
  const res = await release(documentId, body);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.data;
}

export const current = (key: string, query = '', headers: Record<string, string> = {}) =>
  http(`/api/policy-ledger/policies/${key}/current${query}`, { headers });

export const DAY = 24 * 60 * 60 * 1000;

export const FORM = 'plugin::policy-ledger.collection-form';

/**
 * Creates a collection form through the Content Manager, bound to the given
 * policies. Double opt-in is off unless `extra` turns it on: the suites that
 * test something else record at once; doi.spec.ts tests the default.
 */
export async function createForm(
  key: string,
  policyDocumentIds: string[],
  extra: Record<string, unknown> = {},
) {
  const res = await http(`${CM}/${FORM}`, {
    admin: true,
    body: {
      name: `Form ${key}`,
      key,
      active: true,
      labels: { title: { kk: 'Өтінім', ru: 'Заявка', en: 'Request' } },
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          category: 'identity',
          maxLength: 50,
          label: { kk: 'Аты', ru: 'Имя', en: 'Name' },
        },
        {
          name: 'email',
          type: 'email',
          required: true,
          category: 'contact',
          label: { en: 'E-mail' },
        },
        { name: 'phone', type: 'phone', category: 'contact' },
        { name: 'birthDate', type: 'date', category: 'birth' },
        { name: 'topic', type: 'select', category: 'other', options: ['books', 'orders'] },
      ],
      purposes: [
        {
          key: 'processing',
          required: true,
          legalBasis: 'consent',
          label: { en: 'Process my request' },
        },
        { key: 'marketing', required: false, legalBasis: 'consent', label: { en: 'Send me news' } },
      ],
      policies: { connect: policyDocumentIds.map((documentId) => ({ documentId })) },
      doubleOptIn: false,
      ...extra,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.data as {
    documentId: string;
    id: number;
    key: string;
    revision: number;
    definitionHash: string;
  };
}

/**
 * A policy (in force at once, no notice period) with one released edition
 * whose texts are textsFor(textLabel), and a collection form bound to it.
 */
export async function policyWithForm(prefix: string, textLabel: string) {
  const key = uniqueKey(prefix);
  const policy = await createPolicy(key, { effectDelayDays: 0 });
  await released(await createEdition(policy.documentId, textsFor(textLabel)));
  const formKey = uniqueKey(`${prefix}form`);
  const form = await createForm(formKey, [policy.documentId]);
  return { key, policy, formKey, form };
}

/** A full-access API token (Settings → API Tokens), as a server of the operator's would hold. */
export async function fullAccessToken(name: string): Promise<string> {
  const created = await testApp()
    .strapi.service('admin::api-token')
    .create({
      name: `${name}-${process.pid}`,
      type: 'full-access',
      lifespan: null,
      description: '',
    });
  return created.accessKey as string;
}
