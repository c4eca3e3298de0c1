import { Flex, Loader } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

const useLoadingText = () => {
  const { formatMessage } = useIntl();
  return formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' });
};

/** The big centred spinner a tab shows before its first data arrives. */
export const PageLoader = () => (
  <Flex justifyContent="center" padding={8}>
    <Loader>{useLoadingText()}</Loader>
  </Flex>
);

/** The small spinner next to data that is being refreshed. */
export const InlineLoader = () => <Loader small>{useLoadingText()}</Loader>;
