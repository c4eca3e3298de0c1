import { adminRoutes } from './admin';
import { contentApiRoutes } from './content-api';

export default {
  'content-api': { type: 'content-api', routes: contentApiRoutes },
  admin: { type: 'admin', routes: adminRoutes },
};
