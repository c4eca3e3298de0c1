import type { Core } from '@strapi/strapi';
import { EDITION_SYSTEM_FIELDS, EDITION_UID, FORM_UID, POLICY_UID } from './constants';

interface FieldMeta {
  edit: { label?: string; editable?: boolean; [k: string]: unknown };
  list: { label?: string; [k: string]: unknown };
}
interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMeta>;
  layouts: { list: string[]; edit: unknown; [k: string]: unknown };
}
interface CmContentTypes {
  findConfiguration(ct: { uid: string }): Promise<CmConfiguration>;
  updateConfiguration(ct: { uid: string }, c: Omit<CmConfiguration, 'uid'>): Promise<unknown>;
}

const LABELS: Record<string, string> = {
  title: 'Title',
  body: 'Text',
  changeSummary: 'Change summary',
  policy: 'Policy',
  version: 'Version',
  releasedAt: 'Released at',
  effectiveAt: 'Takes effect at',
  cancelledAt: 'Cancelled at',
  contentHash: 'Text hash (SHA-256)',
  localeReleasedAt: 'Locale released at',
  changeKind: 'Change kind',
  editionDate: 'Edition date',
};

/**
 * The English labels of the policy's and the form's fields (Strapi's default is the field name:
 * `effectDelayDays`). The admin shows translated ones (admin/src/translations, `cm.*`); these are
 * what the Content Manager's filters and "Configure the view" show.
 */
const OTHER_LABELS: Record<string, Record<string, string>> = {
  [POLICY_UID]: {
    name: 'Name',
    key: 'Key',
    effectDelayDays: 'Days until an edition takes effect',
    requiredLocales: 'Required locales',
    operatorLegalName: "Operator's legal name",
    operatorRegistrationNumber: "Operator's registration number (BIN)",
    operatorAddress: "Operator's address",
    operatorEmail: "Operator's e-mail",
    operatorPhone: "Operator's phone",
  },
  [FORM_UID]: {
    name: 'Name',
    key: 'Key',
    labels: 'Labels',
    fields: 'Fields',
    purposes: 'Purposes',
    policies: 'Policies',
    retentionDays: 'Retention (days)',
    active: 'Active',
    doubleOptIn: 'Double opt-in',
    revision: 'Revision',
    definitionHash: 'Definition hash',
  },
};

/** Replaces the labels still equal to the field's name (Strapi's default); true if any was. */
function relabel(metadatas: Record<string, FieldMeta>, labels: Record<string, string>): boolean {
  let changed = false;
  for (const [field, label] of Object.entries(labels)) {
    const meta = metadatas[field];
    if (!meta) continue;
    for (const view of [meta.edit, meta.list]) {
      if (!view.label || view.label === field) {
        view.label = label;
        changed = true;
      }
    }
  }
  return changed;
}

/** The list view's columns when the app has not chosen its own. */
const LIST = ['id', 'title', 'policy', 'version', 'effectiveAt'];
const STRAPI_DEFAULT_LIST = ['id', 'title', 'changeSummary', 'policy'];

/**
 * The Content Manager's view of an edition: the fields only a release writes
 * (version, dates, hashes) are read-only, every field has a readable label
 * (the policy's and the form's too), and the list shows version and effective
 * date. Runs after the Content Manager has synced its configurations; a list
 * layout or a label the app changed is kept.
 */
export async function configureEditionLayout(strapi: Core.Strapi) {
  const cm = strapi.plugin('content-manager')?.service('content-types') as
    CmContentTypes | undefined;
  if (!cm) return;
  for (const [uid, labels] of Object.entries(OTHER_LABELS)) {
    const other = await cm.findConfiguration({ uid });
    if (other?.metadatas && relabel(other.metadatas, labels)) {
      await cm.updateConfiguration(
        { uid },
        { settings: other.settings, metadatas: other.metadatas, layouts: other.layouts },
      );
    }
  }
  const conf = await cm.findConfiguration({ uid: EDITION_UID });
  if (!conf?.metadatas) return;
  let changed = false;
  for (const field of Object.keys(LABELS)) {
    const meta = conf.metadatas[field];
    if (!meta) continue;
    const readOnly = (EDITION_SYSTEM_FIELDS as readonly string[]).includes(field);
    if (readOnly && meta.edit.editable !== false) {
      meta.edit.editable = false;
      changed = true;
    }
  }
  // Only labels still equal to the field's name (Strapi's default) are replaced.
  if (relabel(conf.metadatas, LABELS)) changed = true;
  // Strapi's default list (the first few fields) is replaced; a list the app chose is kept.
  if (conf.layouts.list.join() === STRAPI_DEFAULT_LIST.join()) {
    conf.layouts.list = LIST.filter((c) => c === 'id' || conf.metadatas[c]);
    changed = true;
  }
  if (changed) {
    await cm.updateConfiguration(
      { uid: EDITION_UID },
      { settings: conf.settings, metadatas: conf.metadatas, layouts: conf.layouts },
    );
  }
}
