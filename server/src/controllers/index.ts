import policies from './policies';
import adminEditions from './admin-editions';
import adminLedger from './admin-ledger';
import adminReports from './admin-reports';
import adminPeople from './admin-people';
import adminRequests from './admin-requests';
import adminAudit from './admin-audit';
import confirmations from './confirmations';
import consents from './consents';
import forms from './forms';
import openapi from './openapi';
import receipts from './receipts';

export default {
  policies,
  forms,
  consents,
  confirmations,
  openapi,
  receipts,
  'admin-editions': adminEditions,
  'admin-ledger': adminLedger,
  'admin-reports': adminReports,
  'admin-people': adminPeople,
  'admin-requests': adminRequests,
  'admin-audit': adminAudit,
};
