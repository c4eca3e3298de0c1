import * as React from 'react';

import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import type { DiffChangeType, EditionDiff } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { versionLabel } from '../../../components/labels';
import { InlineLoader } from '../../../components/Loading';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

interface DiffLine {
  type: DiffChangeType;
  text: string;
}

/**
 * One entry per line. The server may send a change per line or a chunk of
 * several lines (each ending in "\n"); both become single lines here.
 */
function toLines(changes: EditionDiff['changes']): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of changes ?? []) {
    const type: DiffChangeType =
      change.type === 'added' || change.type === 'removed' ? change.type : 'unchanged';
    const value = typeof change.value === 'string' ? change.value : '';
    const body = value.endsWith('\n') ? value.slice(0, -1) : value;
    for (const text of body.split('\n')) lines.push({ type, text });
  }
  return lines;
}

const LINE_STYLE: Record<
  DiffChangeType,
  {
    background: 'success100' | 'danger100' | 'neutral0';
    color: 'success700' | 'danger700' | 'neutral800';
    marker: string;
    title: string;
  }
> = {
  added: { background: 'success100', color: 'success700', marker: '+', title: 'Added' },
  removed: { background: 'danger100', color: 'danger700', marker: '-', title: 'Removed' },
  unchanged: { background: 'neutral0', color: 'neutral800', marker: ' ', title: 'Unchanged' },
};

/**
 * One line of the diff: monospace, whitespace kept. The +/- marker is drawn by
 * CSS from data-marker, so it is not part of the line's text (nor copied with it).
 */
const DiffLineRow = styled(Flex)`
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
  font-size: 1.3rem;
  line-height: 1.6;
  white-space: pre-wrap;
  word-break: break-word;
  min-height: 2.1rem;

  &::before {
    content: attr(data-marker);
    flex: 0 0 2.4rem;
    text-align: center;
    font-weight: 600;
    user-select: none;
  }
`;

interface DiffResultProps {
  diff: EditionDiff;
  /** A newer diff is loading. */
  isRefreshing: boolean;
  /** When the compared edition takes effect (ISO), if it has a date. */
  compareEffectiveAt: string | null;
}

/** The heading, the added/removed counts and the lines of a diff. */
export const DiffResult = ({ diff, isRefreshing, compareEffectiveAt }: DiffResultProps) => {
  const { formatMessage, formatDate } = useIntl();
  const lines = React.useMemo(() => toLines(diff.changes), [diff]);
  const count = (type: DiffChangeType) => lines.filter((l) => l.type === type).length;

  return (
    <Card data-testid="diff-result" data-locale={diff.locale}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {formatMessage(
                { id: getTrad('diff.heading'), defaultMessage: '{base} → {compare} ({locale})' },
                {
                  base: versionLabel(diff.base?.version, formatMessage),
                  compare: versionLabel(diff.compare?.version, formatMessage),
                  locale: diff.locale,
                },
              )}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {[diff.base?.title, diff.compare?.title].filter(Boolean).join(' → ')}
            </Typography>
          </Flex>
          <Flex gap={2} alignItems="center">
            {isRefreshing ? <InlineLoader /> : null}
            <Badge variant="success" data-testid="diff-added">
              {formatMessage(
                { id: getTrad('diff.added'), defaultMessage: '+{count} added' },
                { count: diff.stats?.added ?? count('added') },
              )}
            </Badge>
            <Badge variant="danger" data-testid="diff-removed">
              {formatMessage(
                { id: getTrad('diff.removed'), defaultMessage: '−{count} removed' },
                { count: diff.stats?.removed ?? count('removed') },
              )}
            </Badge>
          </Flex>
        </Flex>

        {lines.length === 0 ? (
          <Typography variant="omega" textColor="neutral600">
            {formatMessage({
              id: getTrad('diff.empty'),
              defaultMessage: 'Both editions have the same text.',
            })}
          </Typography>
        ) : (
          <Box
            borderColor="neutral200"
            borderStyle="solid"
            borderWidth="1px"
            hasRadius
            overflow="auto"
            role="table"
            aria-label={formatMessage({
              id: getTrad('diff.lines'),
              defaultMessage: 'Line changes',
            })}
          >
            {lines.map((line, index) => {
              const style = LINE_STYLE[line.type];
              return (
                <DiffLineRow
                  key={index}
                  role="row"
                  alignItems="flex-start"
                  background={style.background}
                  color={style.color}
                  data-testid="diff-line"
                  data-change={line.type}
                  data-marker={style.marker}
                  title={formatMessage({
                    id: getTrad(`diff.marker.${line.type}`),
                    defaultMessage: style.title,
                  })}
                >
                  <Box role="cell" paddingRight={3} flex="1" color={style.color}>
                    {line.text}
                  </Box>
                </DiffLineRow>
              );
            })}
          </Box>
        )}

        {compareEffectiveAt ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              {
                id: getTrad('diff.compare-effective'),
                defaultMessage: 'The compared edition takes effect {date}.',
              },
              { date: formatInstant(formatDate, compareEffectiveAt, 'medium') },
            )}
          </Typography>
        ) : null}
      </Flex>
    </Card>
  );
};
