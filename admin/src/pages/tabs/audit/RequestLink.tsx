import { Link } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useIntl } from 'react-intl';

import { getTrad } from '../../../utils/getTrad';
import { tabPath } from '../../tabRoutes';
import { shortRequestId } from './auditRequest';

/** A link to a request's panel in the Requests tab, named by its short reference. */
export const RequestLink = ({ id }: { id: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Link tag={NavLink} to={tabPath('requests', id)} title={id} data-testid="audit-request-link">
      {formatMessage(
        { id: getTrad('audit.request'), defaultMessage: 'Request #{id}' },
        { id: shortRequestId(id) },
      )}
    </Link>
  );
};
