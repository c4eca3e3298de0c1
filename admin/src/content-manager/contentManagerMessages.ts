import { PLUGIN_ID } from '../pluginId';

type Messages = Record<string, string>;

/**
 * The display names of the plugin's content types as their schema.json files spell them: the
 * Content Manager uses a content type's display name itself as the message id of its name (menu,
 * list title). Kept equal to server/src/content-types/* by tests/unit/admin-cm-messages.test.ts.
 */
export const CONTENT_TYPE_NAMES = {
  edition: 'Policy edition',
  policy: 'Policy',
  'collection-form': 'Collection form',
} as const;

type ContentType = keyof typeof CONTENT_TYPE_NAMES;
const TYPES = Object.keys(CONTENT_TYPE_NAMES) as ContentType[];

/** The change kinds of an edition (its `changeKind` enumeration). */
const CHANGE_KINDS = ['editorial', 'material', 'reconsent'] as const;

/**
 * The Content Manager's messages for the plugin's content types, from the plugin's translation
 * file (admin/src/translations/<locale>.json), in the ids the Content Manager asks for:
 * - `cm.type.<type>` → the type's display name (e.g. `Policy edition`): its name in the menu and list;
 * - `cm.<type>.<field>`, and `cm.common.<field>` for every type → `content-manager.content-types.
 *   plugin::policy-ledger.<type>.<field>`: the field's label in the list's columns and the edit view;
 * - `change-kind.<kind>` → `<kind>`: an enumeration value is its own message id (the edit view's
 *   select and the list's filter).
 */
export function contentManagerMessages(data: Messages): Messages {
  const out: Messages = {};
  const fieldId = (type: ContentType, field: string) =>
    `content-manager.content-types.plugin::${PLUGIN_ID}.${type}.${field}`;
  const isType = (scope: string): scope is ContentType =>
    Object.prototype.hasOwnProperty.call(CONTENT_TYPE_NAMES, scope);
  const keys = Object.entries(data).flatMap(([key, text]) => {
    const [, scope, name] = /^cm\.([a-z-]+)\.([A-Za-z-]+)$/.exec(key) ?? [];
    return scope && typeof text === 'string' ? [{ scope, name, text }] : [];
  });
  // Common labels first: a type's own label of the same field wins.
  for (const { scope, name, text } of keys) {
    if (scope === 'common') for (const type of TYPES) out[fieldId(type, name)] = text;
  }
  for (const { scope, name, text } of keys) {
    if (scope === 'type' && isType(name)) out[CONTENT_TYPE_NAMES[name]] = text;
    else if (isType(scope)) out[fieldId(scope, name)] = text;
  }
  for (const kind of CHANGE_KINDS) {
    const text = data[`change-kind.${kind}`];
    if (typeof text === 'string') out[kind] = text;
  }
  return out;
}
