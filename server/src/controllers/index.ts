import policies from './policies';
import adminEditions from './admin-editions';
import adminLedger from './admin-ledger';
import adminReports from './admin-reports';
import consents from './consents';
import forms from './forms';

export default {
  policies,
  forms,
  consents,
  'admin-editions': adminEditions,
  'admin-ledger': adminLedger,
  'admin-reports': adminReports,
};
