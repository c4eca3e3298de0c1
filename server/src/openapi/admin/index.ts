/**
 * The whole body each admin route answers on success (routes/admin.ts
 * `response`): `{ data }` (no admin controller sends a `meta`). A route that
 * answers with a file (CSV, NDJSON, an ISO 27560 JSON download, an HTML page)
 * declares `fileBody` instead; the access export answers JSON
 * (`{ data: SubjectExport }`) for format=json, its default.
 */
export { auditPageBody } from './audit';
export {
  editionDiffBody,
  editionStatusBody,
  editionSuccessorBody,
  overviewBody,
  settingsBody,
} from './editions';
export { healthBody, sealBody, sealStatusBody, verifyBody as verifyResultBody } from './integrity';
export { acceptanceBody, ledgerPageBody } from './ledger';
export { eraseBody, personRecordBody, subjectExportBody } from './people';
export { requestActBody, requestEntryBody, requestsPageBody } from './requests';
