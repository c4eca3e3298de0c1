import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FORM_UID } from '../constants';
import { canonicalJson } from '../domain/canonical';
import { pickCurrent } from '../domain/effective';
import { usesDoubleOptIn, type FormField, type FormPurpose } from '../domain/form';
import { sha256Hex } from '../domain/hash';
import { matchLocale } from '../domain/locale';
import { clock, pluginConfig } from '../utils/plugin';
import { cachedLoader } from '../utils/cache';
import { getService } from '../utils/get-service';
import type { FormDefinition } from '../../../shared/contracts';

export interface FormRecord {
  id: number;
  documentId: string;
  key: string;
  name: string;
  labels: Record<string, Record<string, string>> | null;
  fields: FormField[];
  purposes: FormPurpose[];
  policies: Array<{ id: number; key: string }>;
  retentionDays: number | null;
  active: boolean;
  /** Hold anonymous submissions until the e-mailed link is opened (forms with an e-mail field; default on). */
  doubleOptIn: boolean | null;
  revision: number;
  definitionHash: string;
}

/** The hash a submission records: of everything the person was shown and asked. */
export function definitionHash(
  f: Pick<FormRecord, 'key' | 'labels' | 'fields' | 'purposes' | 'policies' | 'retentionDays'>,
): string {
  return sha256Hex(
    canonicalJson({
      key: f.key,
      labels: f.labels ?? null,
      fields: f.fields,
      purposes: f.purposes,
      policies: f.policies.map((p) => p.key).sort(),
      retentionDays: f.retentionDays ?? null,
    }),
  );
}

export const pickLabel = (labels: Record<string, string> | undefined | null, locale: string) => {
  if (!labels) return null;
  const hit = matchLocale(locale, Object.keys(labels));
  return hit ? labels[hit] : (Object.values(labels)[0] ?? null);
};

const formsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => getService(strapi, 'catalog');

  async function load(key: string): Promise<FormRecord | null> {
    const row = (await strapi.db
      .query(FORM_UID)
      .findOne({ where: { key }, populate: { policies: { select: ['id', 'key'] } } })) as
      (Omit<FormRecord, 'policies'> & { policies: Array<{ id: number; key: string }> }) | null;
    if (!row) return null;
    return {
      ...row,
      fields: Array.isArray(row.fields) ? row.fields : [],
      purposes: Array.isArray(row.purposes) ? row.purposes : [],
      policies: (row.policies ?? []).sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  const cache = cachedLoader({ max: 1000, ttlMs: pluginConfig(strapi).cache.ttl * 1000, load });

  async function get(key: string): Promise<FormRecord> {
    const form = await cache.get(key);
    if (!form) throw new errors.NotFoundError(`No form with key "${key}"`, { key });
    return form;
  }

  return {
    get,
    invalidate: (key?: string) => cache.invalidate(key),

    /** GET /forms/:key — what a frontend needs to render the form and what the person accepts. */
    async publicDefinition(
      key: string,
      locale: string | null,
      acceptLanguage: string | null,
    ): Promise<FormDefinition> {
      const form = await get(key);
      if (!form.active)
        throw new errors.NotFoundError(`Form "${key}" is not accepting submissions`, {
          key,
          code: 'FORM_INACTIVE',
        });
      const now = clock(strapi).now();
      const snaps = await Promise.all(form.policies.map((p) => catalog().snapshot(p.key)));
      let requested: string | null = null;
      const policies: FormDefinition['policies'] = [];
      for (const snap of snaps) {
        if (!snap) continue;
        const { current, upcoming } = pickCurrent(snap.editions, now);
        const describe = (e: typeof current) => {
          if (!e) return null;
          const t = catalog().textFor(snap, e, { locale, acceptLanguage });
          requested ??= t.requestedLocale;
          return {
            version: e.version,
            effectiveAt: e.effectiveAt.toISOString(),
            changeKind: e.changeKind,
            servedLocale: t.servedLocale,
            title: t.title,
            contentHash: t.contentHash,
          };
        };
        policies.push({
          policy: snap.key,
          name: snap.name,
          current: describe(current),
          upcoming: describe(upcoming),
        });
      }
      const lang = requested ?? locale ?? 'en';
      return {
        key: form.key,
        name: form.name,
        revision: form.revision,
        hash: form.definitionHash,
        locale: lang,
        title: pickLabel(form.labels?.title, lang) ?? form.name,
        doubleOptIn: usesDoubleOptIn(form),
        fields: form.fields.map((f) => ({
          name: f.name,
          type: f.type,
          required: !!f.required,
          category: f.category,
          maxLength: f.maxLength ?? null,
          options: f.options ?? null,
          label: pickLabel(f.label, lang) ?? f.name,
        })),
        purposes: form.purposes.map((p) => ({
          key: p.key,
          required: !!p.required,
          legalBasis: p.legalBasis,
          label: pickLabel(p.label, lang) ?? p.key,
        })),
        policies,
      };
    },
  };
};

export default formsService;

declare module './registry' {
  interface PluginServices {
    forms: ReturnType<typeof formsService>;
  }
}
