import policies from './policies';
import adminEditions from './admin-editions';

export default { policies, 'admin-editions': adminEditions };
