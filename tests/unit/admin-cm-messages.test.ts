/**
 * The Content Manager's labels of the plugin's content types
 * (admin/src/content-manager/contentManagerMessages.ts): the message ids the Content Manager asks
 * for, in every plugin language, for fields the content types have.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
  CONTENT_TYPE_NAMES,
  contentManagerMessages,
} from '../../admin/src/content-manager/contentManagerMessages';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const LOCALES = ['en', 'ru', 'kk'] as const;
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, read(`admin/src/translations/${l}.json`) as Record<string, string>]),
);
const schemas = Object.fromEntries(
  Object.keys(CONTENT_TYPE_NAMES).map((type) => [
    type,
    read(`server/src/content-types/${type}/schema.json`) as {
      info: { displayName: string };
      attributes: Record<string, { type: string; enum?: string[] }>;
    },
  ]),
);
const fieldId = (type: string, field: string) =>
  `content-manager.content-types.plugin::policy-ledger.${type}.${field}`;

describe('Content Manager labels of the plugin content types', () => {
  it('uses the display names of the schemas as the name ids', () => {
    for (const [type, name] of Object.entries(CONTENT_TYPE_NAMES)) {
      assert.equal(schemas[type].info.displayName, name, type);
    }
  });

  it('labels every field, the type names and the change kinds in en, ru and kk', () => {
    for (const locale of LOCALES) {
      const out = contentManagerMessages(messages[locale]);
      for (const [type, schema] of Object.entries(schemas)) {
        assert.ok(out[CONTENT_TYPE_NAMES[type as keyof typeof CONTENT_TYPE_NAMES]], type);
        for (const [field, attribute] of Object.entries(schema.attributes)) {
          if (field === 'versionCounter') continue; // hidden
          assert.ok(out[fieldId(type, field)], `${locale}: ${type}.${field} (${attribute.type})`);
        }
        for (const common of ['id', 'documentId', 'createdAt', 'updatedAt']) {
          assert.ok(out[fieldId(type, common)], `${locale}: ${type}.${common}`);
        }
      }
      for (const kind of schemas.edition.attributes.changeKind.enum ?? []) {
        assert.equal(out[kind], messages[locale][`change-kind.${kind}`], `${locale}: ${kind}`);
      }
    }
    const ru = contentManagerMessages(messages.ru);
    assert.equal(ru['Policy edition'], 'Редакция политики');
    assert.equal(ru[fieldId('edition', 'body')], 'Текст');
    assert.equal(ru[fieldId('policy', 'effectDelayDays')], 'Дней до вступления редакции в силу');
    assert.equal(ru.material, 'Существенное изменение');
    assert.equal(contentManagerMessages(messages.kk)[fieldId('edition', 'title')], 'Тақырып');
  });

  it('names only fields the content types have, and no other key', () => {
    for (const locale of LOCALES) {
      const keys = Object.keys(messages[locale]).filter((k) => k.startsWith('cm.'));
      for (const key of keys) {
        const [, scope, field] = /^cm\.([a-z-]+)\.([A-Za-z-]+)$/.exec(key) ?? [];
        assert.ok(scope, key);
        if (scope === 'type') assert.ok(field in CONTENT_TYPE_NAMES, key);
        else if (scope === 'list') assert.equal(field, 'state', key);
        else if (scope !== 'common') assert.ok(field in schemas[scope].attributes, key);
      }
      // The same keys in every language.
      assert.deepEqual(
        keys.sort(),
        Object.keys(messages.en)
          .filter((k) => k.startsWith('cm.'))
          .sort(),
      );
    }
  });
});
