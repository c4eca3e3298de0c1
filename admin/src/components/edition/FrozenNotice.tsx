import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { FrozenEditorStyle } from '../../content-manager/FrozenEditorStyle';
import { getTrad } from '../../utils/getTrad';
import { formatInstant } from '../../utils/time';
import { Notice } from './Notice';

/**
 * Why the edit view of a released edition is read-only, and the way out. Shown in the edition
 * panel; the fields themselves are made read-only by content-manager/freezeEditLayout.ts, and
 * the disabled Markdown editor of the body is given a disabled look (FrozenEditorStyle).
 */
export const FrozenNotice = ({ releasedAt }: { releasedAt: string | null }) => {
  const { formatMessage, formatDate } = useIntl();
  return (
    <>
      <FrozenEditorStyle />
      <Notice variant="neutral">
        <Flex
          direction="column"
          alignItems="stretch"
          gap={1}
          tag="span"
          data-testid="edition-frozen"
        >
          <span>
            {formatMessage(
              {
                id: getTrad('panel.frozen'),
                defaultMessage:
                  'Released on {date} — frozen. To change it, make a new edition from this one.',
              },
              { date: formatInstant(formatDate, releasedAt) ?? '—' },
            )}
          </span>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: getTrad('panel.frozen.add-locale'),
              defaultMessage: 'A locale it does not have yet can still be added.',
            })}
          </Typography>
        </Flex>
      </Notice>
    </>
  );
};
