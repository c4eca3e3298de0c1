import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

/** A column: its translation id and English default ('' for an unlabelled one). */
export type Column = [id: string, defaultMessage: string];

/** The header row of the plugin's tables, in the design system's style. */
export const TableHead = ({ columns }: { columns: readonly Column[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Thead>
      <Tr>
        {columns.map(([id, defaultMessage]) => (
          <Th key={id}>
            <Typography variant="sigma" textColor="neutral600">
              {defaultMessage ? formatMessage({ id: getTrad(id), defaultMessage }) : ''}
            </Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
};
