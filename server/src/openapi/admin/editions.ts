import { z } from '@strapi/utils';
import type {
  ApiResponse,
  DiffEntry,
  EditionDiff,
  EditionStatus,
  EditionSuccessor,
  Overview,
  PluginSettings,
} from '../../../../shared/contracts';
import { changeKind, dataBody, date, editionState, instant, sha256 } from '../common';

/** Editions (status, release, cancel, successor), the overview, diffs, settings. */

export const editionStatus: z.ZodType<EditionStatus> = z.strictObject({
  documentId: z.string(),
  policy: z.strictObject({ key: z.string(), name: z.string(), documentId: z.string() }).nullable(),
  state: editionState,
  version: z.int().nullable(),
  editionDate: date().nullable(),
  releasedAt: instant().nullable(),
  effectiveAt: instant().nullable(),
  cancelledAt: instant().nullable(),
  changeKind,
  currentVersion: z.int().nullable(),
  requiredLocales: z.array(z.string()),
  missingLocales: z.array(z.string()),
  locales: z.array(
    z.strictObject({
      locale: z.string(),
      complete: z.boolean(),
      contentHash: sha256().nullable(),
      releasedAt: instant().nullable(),
    }),
  ),
  now: instant(),
  canRelease: z.boolean(),
  canCancel: z.boolean(),
  releaseEffectiveAt: instant().nullable(),
  scheduledOver: z.strictObject({ version: z.int(), effectiveAt: instant() }).nullable(),
  identicalTo: z.strictObject({ version: z.int() }).nullable(),
});

export const editionSuccessor: z.ZodType<EditionSuccessor> = z.strictObject({
  sourceDocumentId: z.string(),
  edition: editionStatus,
});

export const overview: z.ZodType<Overview> = z.strictObject({
  now: instant(),
  policies: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      documentId: z.string(),
      currentVersion: z.int().nullable(),
      upcomingVersion: z.int().nullable(),
      defaultLocale: z.string().nullable(),
      editions: z.array(
        z.strictObject({
          documentId: z.string(),
          version: z.int().nullable(),
          state: editionState,
          editionDate: date().nullable(),
          releasedAt: instant().nullable(),
          effectiveAt: instant().nullable(),
          cancelledAt: instant().nullable(),
          changeKind: changeKind.nullable(),
          locales: z.array(z.string()),
          title: z.string().nullable(),
        }),
      ),
    }),
  ),
});

const diffSide = z.strictObject({
  documentId: z.string(),
  version: z.int().nullable(),
  title: z.string().nullable(),
});

const diffEntry: z.ZodType<DiffEntry> = z.strictObject({
  type: z.enum(['added', 'removed', 'unchanged', 'changed', 'folded']),
  value: z.string(),
  before: z.string().optional(),
  segments: z
    .array(z.strictObject({ type: z.enum(['same', 'added', 'removed']), text: z.string() }))
    .optional(),
  lines: z.array(z.string()).optional(),
});

export const editionDiff: z.ZodType<EditionDiff> = z.strictObject({
  locale: z.string(),
  base: diffSide,
  compare: diffSide,
  changes: z.array(diffEntry),
  stats: z.strictObject({ added: z.int(), removed: z.int(), changed: z.int() }),
});

export const pluginSettings: z.ZodType<PluginSettings> = z.strictObject({
  timeZone: z.string(),
});

/* Whole bodies: `{ data }`, no meta (controllers/admin-editions.ts, admin-reports.ts, admin-ledger.ts). */
export const editionStatusBody: z.ZodType<ApiResponse<EditionStatus>> = dataBody(editionStatus);
export const editionSuccessorBody: z.ZodType<ApiResponse<EditionSuccessor>> =
  dataBody(editionSuccessor);
export const overviewBody: z.ZodType<ApiResponse<Overview>> = dataBody(overview);
export const editionDiffBody: z.ZodType<ApiResponse<EditionDiff>> = dataBody(editionDiff);
export const settingsBody: z.ZodType<ApiResponse<PluginSettings>> = dataBody(pluginSettings);
