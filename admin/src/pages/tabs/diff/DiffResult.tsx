import * as React from 'react';

import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import type { DiffChangeType, DiffEntry, EditionDiff } from '../../../../../shared/contracts';
import { Card } from '../../../components/Card';
import { versionLabel } from '../../../utils/versionLabel';
import { InlineLoader } from '../../../components/Loading';
import { getTrad } from '../../../utils/getTrad';
import { formatInstant } from '../../../utils/time';

const LINE_STYLE: Record<
  DiffChangeType,
  {
    background: 'success100' | 'danger100' | 'neutral0' | 'warning100' | 'neutral100';
    color: 'success700' | 'danger700' | 'neutral800' | 'neutral600';
    marker: string;
    title: string;
  }
> = {
  added: { background: 'success100', color: 'success700', marker: '+', title: 'Added' },
  removed: { background: 'danger100', color: 'danger700', marker: '-', title: 'Removed' },
  changed: { background: 'warning100', color: 'neutral800', marker: '~', title: 'Changed' },
  unchanged: { background: 'neutral0', color: 'neutral800', marker: ' ', title: 'Unchanged' },
  folded: { background: 'neutral100', color: 'neutral600', marker: '⋯', title: 'Unchanged lines' },
};

/** The words of a changed line: removed ones struck through, added ones underlined. */
const Del = styled.del`
  background: ${({ theme }) => theme.colors.danger200};
  color: ${({ theme }) => theme.colors.danger700};
`;
const Ins = styled.ins`
  background: ${({ theme }) => theme.colors.success200};
  color: ${({ theme }) => theme.colors.success700};
  text-decoration: none;
`;

const ChangedWords = ({ entry }: { entry: DiffEntry }) => (
  <>
    {(entry.segments ?? []).map((s, i) =>
      s.type === 'removed' ? (
        <Del key={i} data-testid="diff-word" data-change="removed">
          {s.text}
        </Del>
      ) : s.type === 'added' ? (
        <Ins key={i} data-testid="diff-word" data-change="added">
          {s.text}
        </Ins>
      ) : (
        <span key={i}>{s.text}</span>
      ),
    )}
  </>
);

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
  const lines = diff.changes;
  /** Folds the reader opened, by position. */
  const [opened, setOpened] = React.useState<ReadonlySet<number>>(() => new Set());
  React.useEffect(() => setOpened(new Set()), [diff]);

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
                { count: diff.stats.added },
              )}
            </Badge>
            <Badge variant="warning" data-testid="diff-changed">
              {formatMessage(
                { id: getTrad('diff.changed'), defaultMessage: '~{count} changed' },
                { count: diff.stats.changed },
              )}
            </Badge>
            <Badge variant="danger" data-testid="diff-removed">
              {formatMessage(
                { id: getTrad('diff.removed'), defaultMessage: '−{count} removed' },
                { count: diff.stats.removed },
              )}
            </Badge>
          </Flex>
        </Flex>

        {diff.stats.added + diff.stats.removed + diff.stats.changed === 0 ? (
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
            {lines.flatMap((line, index) => {
              const unfolded = line.type === 'folded' && opened.has(index);
              const rows: DiffEntry[] = unfolded
                ? (line.lines ?? []).map((value) => ({ type: 'unchanged', value }))
                : [line];
              return rows.map((row, k) => {
                const style = LINE_STYLE[row.type];
                return (
                  <DiffLineRow
                    key={`${index}-${k}`}
                    role="row"
                    alignItems="flex-start"
                    background={style.background}
                    color={style.color}
                    data-testid="diff-line"
                    data-change={row.type}
                    data-marker={style.marker}
                    title={formatMessage({
                      id: getTrad(`diff.marker.${row.type}`),
                      defaultMessage: style.title,
                    })}
                  >
                    <Box role="cell" paddingRight={3} flex="1" color={style.color}>
                      {row.type === 'changed' ? (
                        <ChangedWords entry={row} />
                      ) : row.type === 'folded' ? (
                        <Button
                          variant="ghost"
                          size="S"
                          data-testid="diff-unfold"
                          onClick={() => setOpened((prev) => new Set(prev).add(index))}
                        >
                          {formatMessage(
                            {
                              id: getTrad('diff.folded'),
                              defaultMessage:
                                '{count, plural, one {# unchanged line} other {# unchanged lines}} (show)',
                            },
                            { count: row.lines?.length ?? 0 },
                          )}
                        </Button>
                      ) : (
                        row.value
                      )}
                    </Box>
                  </DiffLineRow>
                );
              });
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
