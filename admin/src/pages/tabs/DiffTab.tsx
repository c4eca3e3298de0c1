import * as React from 'react';

import {
  Badge,
  Box,
  EmptyStateLayout,
  Flex,
  Grid,
  Loader,
  Typography,
} from '@strapi/design-system';
import { ArrowsHorizontal } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';

import { SelectField } from '../../components/fields';
import { stateLabel, versionLabel } from '../../components/labels';
import { useErrorNotification } from '../../hooks/useErrorNotification';
import type {
  ApiResponse,
  DiffChangeType,
  EditionDiff,
  OverviewEdition,
  OverviewPolicy,
} from '../../../../shared/contracts';
import { API } from '../../utils/api';
import { isAbortError } from '../../utils/errors';
import { getTrad } from '../../utils/getTrad';
import { sortEditions } from './PoliciesTab';

interface DiffLine {
  type: DiffChangeType;
  text: string;
}

/**
 * One entry per line. The server may send a change per line or a chunk of
 * several lines (each ending in "\n"); both become single lines here.
 */
export function toLines(changes: EditionDiff['changes']): DiffLine[] {
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
  }
> = {
  added: { background: 'success100', color: 'success700', marker: '+' },
  removed: { background: 'danger100', color: 'danger700', marker: '-' },
  unchanged: { background: 'neutral0', color: 'neutral800', marker: ' ' },
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

export const DiffTab = ({
  policies,
  isLoading: overviewLoading,
}: {
  policies: OverviewPolicy[];
  isLoading: boolean;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const notifyError = useErrorNotification();

  const [policyKey, setPolicyKey] = React.useState('');
  const [baseId, setBaseId] = React.useState('');
  const [compareId, setCompareId] = React.useState('');
  const [locale, setLocale] = React.useState('');
  const [diff, setDiff] = React.useState<EditionDiff | null>(null);
  const [isLoading, setIsLoading] = React.useState(false);
  const requestSeq = React.useRef(0);

  const policy = policies.find((p) => p.key === policyKey) ?? policies[0] ?? null;
  const editions = React.useMemo(() => (policy ? sortEditions(policy.editions) : []), [policy]);
  const findEdition = (id: string) => editions.find((e) => e.documentId === id) ?? null;

  // Defaults: compare = the newest edition, base = the one before it.
  const compare = findEdition(compareId) ?? editions[0] ?? null;
  const base =
    findEdition(baseId) ??
    editions.find((e) => compare && e.documentId !== compare.documentId) ??
    null;

  const locales = React.useMemo(() => {
    const all = new Set<string>([...(compare?.locales ?? []), ...(base?.locales ?? [])]);
    return [...all].sort();
  }, [base, compare]);
  const preferred = compare?.locales?.[0] ?? locales[0] ?? '';
  const effectiveLocale = locales.includes(locale) ? locale : preferred;

  const sameEdition = Boolean(base && compare && base.documentId === compare.documentId);
  const canDiff = Boolean(base && compare && effectiveLocale && !sameEdition);
  const baseDoc = base?.documentId ?? '';
  const compareDoc = compare?.documentId ?? '';

  React.useEffect(() => {
    if (!canDiff) {
      setDiff(null);
      return;
    }
    const seq = ++requestSeq.current;
    setIsLoading(true);
    get<ApiResponse<EditionDiff>>(
      API.diff(compareDoc, { against: baseDoc, locale: effectiveLocale }),
    )
      .then(({ data }) => {
        if (seq !== requestSeq.current) return;
        setDiff(data?.data ?? null);
      })
      .catch((error: unknown) => {
        if (seq !== requestSeq.current || isAbortError(error)) return;
        setDiff(null);
        notifyError(error);
      })
      .finally(() => {
        if (seq === requestSeq.current) setIsLoading(false);
      });
  }, [canDiff, baseDoc, compareDoc, effectiveLocale, get, notifyError]);

  const lines = React.useMemo(() => (diff ? toLines(diff.changes) : []), [diff]);

  const editionOption = (edition: OverviewEdition) => {
    const parts = [
      versionLabel(edition.version, formatMessage),
      stateLabel(edition.state, formatMessage),
    ];
    if (edition.editionDate) parts.push(edition.editionDate);
    else if (edition.title) parts.push(edition.title);
    return { value: edition.documentId, label: parts.join(' · ') };
  };

  if (policies.length === 0) {
    return overviewLoading ? (
      <Flex justifyContent="center" padding={8}>
        <Loader>
          {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
        </Loader>
      </Flex>
    ) : (
      <EmptyStateLayout
        icon={<ArrowsHorizontal width="6.4rem" height="6.4rem" />}
        content={formatMessage({
          id: getTrad('policies.empty'),
          defaultMessage: 'No policies yet. Create one in the Content Manager.',
        })}
      />
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="diff-policy"
              testId="diff-policy"
              label={formatMessage({ id: getTrad('filters.policy'), defaultMessage: 'Policy' })}
              value={policy?.key ?? ''}
              options={policies.map((p) => ({ value: p.key, label: `${p.name} (${p.key})` }))}
              onChange={(value) => {
                setPolicyKey(value);
                setBaseId('');
                setCompareId('');
              }}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="diff-base"
              testId="diff-base"
              label={formatMessage({ id: getTrad('diff.base'), defaultMessage: 'Base edition' })}
              placeholder={formatMessage({
                id: getTrad('diff.pick-edition'),
                defaultMessage: 'Choose an edition',
              })}
              value={base?.documentId ?? ''}
              options={editions.map(editionOption)}
              onChange={setBaseId}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="diff-compare"
              testId="diff-compare"
              label={formatMessage({
                id: getTrad('diff.compare'),
                defaultMessage: 'Compared edition',
              })}
              placeholder={formatMessage({
                id: getTrad('diff.pick-edition'),
                defaultMessage: 'Choose an edition',
              })}
              value={compare?.documentId ?? ''}
              options={editions.map(editionOption)}
              onChange={setCompareId}
            />
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="diff-locale"
              testId="diff-locale"
              label={formatMessage({ id: getTrad('filters.locale'), defaultMessage: 'Locale' })}
              placeholder={formatMessage({
                id: getTrad('diff.pick-locale'),
                defaultMessage: 'Choose a locale',
              })}
              value={effectiveLocale}
              options={locales.map((l) => ({ value: l, label: l }))}
              onChange={setLocale}
            />
          </Grid.Item>
        </Grid.Root>
      </Box>

      {editions.length < 2 ? (
        <EmptyStateLayout
          icon={<ArrowsHorizontal width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: getTrad('diff.need-two'),
            defaultMessage: 'This policy needs at least two editions to compare.',
          })}
        />
      ) : sameEdition ? (
        <Typography variant="omega" textColor="neutral600">
          {formatMessage({
            id: getTrad('diff.same'),
            defaultMessage: 'Choose two different editions.',
          })}
        </Typography>
      ) : !diff ? (
        isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>
              {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
            </Loader>
          </Flex>
        ) : null
      ) : (
        <Box
          background="neutral0"
          shadow="tableShadow"
          hasRadius
          padding={6}
          data-testid="diff-result"
          data-locale={diff.locale}
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="delta" tag="h2">
                  {formatMessage(
                    {
                      id: getTrad('diff.heading'),
                      defaultMessage: '{base} → {compare} ({locale})',
                    },
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
                {isLoading ? (
                  <Loader small>
                    {formatMessage({ id: getTrad('page.loading'), defaultMessage: 'Loading…' })}
                  </Loader>
                ) : null}
                <Badge variant="success" data-testid="diff-added">
                  {formatMessage(
                    { id: getTrad('diff.added'), defaultMessage: '+{count} added' },
                    { count: diff.stats?.added ?? lines.filter((l) => l.type === 'added').length },
                  )}
                </Badge>
                <Badge variant="danger" data-testid="diff-removed">
                  {formatMessage(
                    { id: getTrad('diff.removed'), defaultMessage: '−{count} removed' },
                    {
                      count:
                        diff.stats?.removed ?? lines.filter((l) => l.type === 'removed').length,
                    },
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
                        defaultMessage:
                          line.type === 'added'
                            ? 'Added'
                            : line.type === 'removed'
                              ? 'Removed'
                              : 'Unchanged',
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

            {compare?.effectiveAt ? (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(
                  {
                    id: getTrad('diff.compare-effective'),
                    defaultMessage: 'The compared edition takes effect {date}.',
                  },
                  {
                    date: formatDate(new Date(compare.effectiveAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                  },
                )}
              </Typography>
            ) : null}
          </Flex>
        </Box>
      )}
    </Flex>
  );
};
