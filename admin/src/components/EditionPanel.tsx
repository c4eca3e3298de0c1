import * as React from 'react';

import {
  Badge,
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  Loader,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { BadgeProps } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useFetchClient, useForm, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { EDITION_UID, PLUGIN_ID } from '../pluginId';
import { EDITION_PANEL_PERMISSIONS } from '../permissions';
import { usePolicyLedgerRefreshDocumentMutation } from '../services/contentManager';
import type { ApiResponse, EditionState, EditionStatus } from '../../../shared/contracts';
import { countdownText } from '../utils/countdown';
import { errorMessage, isAbortError } from '../utils/errors';
import { getTrad } from '../utils/getTrad';
import {
  localTimeZone,
  parseCalendarDate,
  parseDateTimeLocal,
  toDateTimeLocalValue,
} from '../utils/time';

/* -------------------------------------------------------------------------------------------------
 * Side panel description (registered with content-manager's addEditViewSidePanel)
 * -----------------------------------------------------------------------------------------------*/

/**
 * Content Manager edit-view side panel for policy editions: shows the
 * edition's release state and offers Release / Cancel.
 *
 * This is a "description component": the Content Manager renders it like a
 * component (hooks are allowed) and displays the `{ title, content }` it
 * returns. Only primitive props go into `content`, because the Content Manager
 * deep-compares descriptions to decide when to re-render the panel.
 */
const EditionPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(EDITION_PANEL_PERMISSIONS);

  // `document` is undefined while creating and on the "duplicate" page
  // (where documentId is the source's): there is nothing to release there.
  if (model !== EDITION_UID || !documentId || !document) return null;
  if (isLoading || !allowedActions.canRead) return null;

  const updatedAt = (document as { updatedAt?: unknown }).updatedAt;

  return {
    title: formatMessage({ id: getTrad('panel.title'), defaultMessage: 'Policy edition' }),
    content: (
      <EditionPanelContent
        model={model}
        documentId={documentId}
        documentUpdatedAt={typeof updatedAt === 'string' ? updatedAt : null}
        canRelease={Boolean(allowedActions.canRelease)}
      />
    ),
  };
};

EditionPanel.displayName = 'PolicyLedgerEditionPanel';

/* -------------------------------------------------------------------------------------------------
 * Panel content
 * -----------------------------------------------------------------------------------------------*/

interface EditionPanelContentProps {
  model: string;
  documentId: string;
  /** Changes whenever the Content Manager saved the document; the status is reloaded then. */
  documentUpdatedAt: string | null;
  /** The admin may release and cancel editions (plugin::policy-ledger.release). */
  canRelease: boolean;
}

type Action = 'release' | 'cancel';

const STATE_BADGE: Record<EditionState, BadgeProps['variant']> = {
  draft: 'neutral',
  scheduled: 'warning',
  'in-force': 'success',
  superseded: 'secondary',
  cancelled: 'danger',
};

const STATE_LABEL: Record<EditionState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  'in-force': 'In force',
  superseded: 'Superseded',
  cancelled: 'Cancelled',
};

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

const statusUrl = (documentId: string, suffix: 'status' | Action) =>
  `/${PLUGIN_ID}/editions/${encodeURIComponent(documentId)}/${suffix}`;

const EditionPanelContent = ({
  model,
  documentId,
  documentUpdatedAt,
  canRelease,
}: EditionPanelContentProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [refreshDocument] = usePolicyLedgerRefreshDocumentMutation();
  // The panel is rendered inside the edit view's form; `modified` means unsaved edits.
  const formModified =
    useForm('PolicyLedgerEditionPanel', (state) => state.modified, false) ?? false;

  const [status, setStatus] = React.useState<EditionStatus | null>(null);
  /** Client time (Date.now()) when `status` arrived; with status.now it estimates the server's clock. */
  const [receivedAt, setReceivedAt] = React.useState(0);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [isLoading, setIsLoading] = React.useState(true);
  const [busy, setBusy] = React.useState<Action | null>(null);
  const [dialog, setDialog] = React.useState<Action | null>(null);
  const [effectiveInput, setEffectiveInput] = React.useState('');
  const [clientNow, setClientNow] = React.useState(() => Date.now());

  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Latest request wins: a slow answer for an older request is dropped. */
  const requestSeq = React.useRef(0);

  const applyStatus = React.useCallback((next: EditionStatus) => {
    setStatus(next);
    setReceivedAt(Date.now());
    setClientNow(Date.now());
    setLoadError(null);
  }, []);

  const loadStatus = React.useCallback(async () => {
    const seq = ++requestSeq.current;
    setIsLoading(true);
    try {
      const { data } = await get<ApiResponse<EditionStatus>>(statusUrl(documentId, 'status'));
      if (!mounted.current || seq !== requestSeq.current) return;
      applyStatus(data.data);
    } catch (error) {
      if (!mounted.current || seq !== requestSeq.current || isAbortError(error)) return;
      setLoadError(
        errorMessage(error) ??
          formatMessage({
            id: getTrad('panel.load-error'),
            defaultMessage: 'Could not load the edition status.',
          }),
      );
    } finally {
      if (mounted.current && seq === requestSeq.current) setIsLoading(false);
    }
  }, [applyStatus, documentId, formatMessage, get]);

  // (Re)load on mount, when another document is opened and after every save.
  React.useEffect(() => {
    void loadStatus();
  }, [loadStatus, documentUpdatedAt]);

  // A scheduled edition counts down; refresh the clock every 30 s.
  const isScheduled = status?.state === 'scheduled';
  React.useEffect(() => {
    if (!isScheduled) return undefined;
    const timer = window.setInterval(() => setClientNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [isScheduled]);

  /** The server's clock now, estimated from its `now` at fetch time plus the time elapsed since. */
  const serverNow = status
    ? new Date(status.now).getTime() + Math.max(0, clientNow - receivedAt)
    : clientNow;
  const effectiveTime = status?.effectiveAt ? new Date(status.effectiveAt).getTime() : null;
  const remaining = isScheduled && effectiveTime !== null ? effectiveTime - serverNow : null;

  // Once the effective instant has passed, the server reports "in force": reload once.
  const reloadedFor = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (
      remaining !== null &&
      remaining <= 0 &&
      status?.effectiveAt &&
      reloadedFor.current !== status.effectiveAt
    ) {
      reloadedFor.current = status.effectiveAt;
      void loadStatus();
    }
  }, [remaining, status?.effectiveAt, loadStatus]);

  const effectiveDate = effectiveInput ? parseDateTimeLocal(effectiveInput) : null;
  const effectiveInputError = !effectiveInput
    ? null
    : !effectiveDate
      ? formatMessage({
          id: getTrad('effective-input.invalid'),
          defaultMessage: 'Enter a valid date and time.',
        })
      : effectiveDate.getTime() <= Date.now()
        ? formatMessage({
            id: getTrad('effective-input.past'),
            defaultMessage: 'Pick a moment in the future.',
          })
        : null;

  const formatInstant = (iso: string | null) => (iso ? formatDate(new Date(iso), DATE_TIME) : null);

  const runAction = async (action: Action) => {
    if (!status) return;
    setBusy(action);
    try {
      const body =
        action === 'release' && effectiveDate ? { effectiveAt: effectiveDate.toISOString() } : {};
      const { data } = await post<ApiResponse<EditionStatus>>(statusUrl(documentId, action), body);
      if (!mounted.current) return;
      const next = data?.data;
      if (next && typeof next.state === 'string') applyStatus(next);
      else void loadStatus();

      const version = next?.version ?? status.version;
      const message =
        action === 'release'
          ? formatMessage(
              {
                id: getTrad('notification.released'),
                defaultMessage: 'Edition v{version} released; it takes effect {date}.',
              },
              { version, date: formatInstant(next?.effectiveAt ?? null) ?? '' },
            )
          : formatMessage(
              {
                id: getTrad('notification.cancelled'),
                defaultMessage: 'Edition v{version} cancelled.',
              },
              { version },
            );

      if (formModified) {
        // Refreshing the form would throw away the editor's unsaved input.
        toggleNotification({
          type: 'success',
          message: `${message} ${formatMessage({
            id: getTrad('notification.stale-form'),
            defaultMessage: 'Reload the page to see the updated fields in the form.',
          })}`,
        });
      } else {
        toggleNotification({ type: 'success', message });
        // Let the Content Manager refetch the document so the form shows the frozen values.
        void refreshDocument({ model, documentId });
      }
      if (action === 'release') setEffectiveInput('');
    } catch (error) {
      if (!mounted.current || isAbortError(error)) return;
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(error) ??
          formatMessage({ id: getTrad('error.generic'), defaultMessage: 'Something went wrong.' }),
      });
      // The edition may have changed meanwhile (e.g. released by someone else).
      void loadStatus();
    } finally {
      if (mounted.current) {
        setBusy(null);
        setDialog(null);
      }
    }
  };

  /* ---------------------------------------------------------------------------------------------
   * Rendering
   * -------------------------------------------------------------------------------------------*/

  if (!status) {
    if (loadError && !isLoading) {
      return (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          <Typography variant="pi" textColor="danger600">
            {loadError}
          </Typography>
          <Button variant="tertiary" size="S" onClick={() => void loadStatus()}>
            {formatMessage({ id: getTrad('panel.retry'), defaultMessage: 'Retry' })}
          </Button>
        </Flex>
      );
    }
    return (
      <Flex justifyContent="center" width="100%" padding={2}>
        <Loader small>
          {formatMessage({ id: getTrad('panel.loading'), defaultMessage: 'Loading status…' })}
        </Loader>
      </Flex>
    );
  }

  const notSet = formatMessage({ id: getTrad('panel.not-set'), defaultMessage: '—' });
  const editionDate = status.editionDate ? parseCalendarDate(status.editionDate) : null;
  const isDraft = status.state === 'draft';
  const releaseBlocked =
    !status.canRelease || formModified || Boolean(effectiveInputError) || busy !== null;
  const timeZone = localTimeZone();

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Row label={formatMessage({ id: getTrad('panel.state'), defaultMessage: 'State' })}>
        <Badge variant={STATE_BADGE[status.state]}>
          {formatMessage({
            id: getTrad(`state.${status.state}`),
            defaultMessage: STATE_LABEL[status.state],
          })}
        </Badge>
      </Row>

      <Row label={formatMessage({ id: getTrad('panel.version'), defaultMessage: 'Version' })}>
        {status.version !== null
          ? formatMessage(
              { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
              { version: status.version },
            )
          : formatMessage({ id: getTrad('panel.version.none'), defaultMessage: 'not released' })}
      </Row>

      <Row label={formatMessage({ id: getTrad('panel.policy'), defaultMessage: 'Policy' })}>
        {status.policy
          ? `${status.policy.name} (${status.policy.key})`
          : formatMessage({
              id: getTrad('panel.policy.none'),
              defaultMessage: 'No policy selected',
            })}
      </Row>

      {status.policy ? (
        <Row
          label={formatMessage({
            id: getTrad('panel.current-version'),
            defaultMessage: 'In force now',
          })}
        >
          {status.currentVersion !== null
            ? formatMessage(
                { id: getTrad('panel.version.value'), defaultMessage: 'v{version}' },
                { version: status.currentVersion },
              )
            : formatMessage({ id: getTrad('panel.current-version.none'), defaultMessage: 'none' })}
        </Row>
      ) : null}

      <Row
        label={formatMessage({ id: getTrad('panel.edition-date'), defaultMessage: 'Edition date' })}
      >
        {editionDate
          ? formatDate(editionDate, {
              year: 'numeric',
              month: 'short',
              day: 'numeric',
              timeZone: 'UTC',
            })
          : notSet}
      </Row>

      <Row label={formatMessage({ id: getTrad('panel.released-at'), defaultMessage: 'Released' })}>
        {formatInstant(status.releasedAt) ?? notSet}
      </Row>

      <Row
        label={formatMessage({ id: getTrad('panel.effective-at'), defaultMessage: 'Takes effect' })}
      >
        {formatInstant(status.effectiveAt) ?? notSet}
      </Row>

      {remaining !== null ? (
        <Typography variant="pi" textColor="warning700">
          {countdownText(remaining, formatMessage)}
        </Typography>
      ) : null}

      {status.cancelledAt ? (
        <Row
          label={formatMessage({ id: getTrad('panel.cancelled-at'), defaultMessage: 'Cancelled' })}
        >
          {formatInstant(status.cancelledAt)}
        </Row>
      ) : null}

      {isDraft && status.missingLocales.length > 0 ? (
        <Notice variant="warning">
          {formatMessage(
            {
              id: getTrad('panel.missing-locales'),
              defaultMessage: 'Missing title or body in required locales: {locales}',
            },
            { locales: status.missingLocales.join(', ') },
          )}
        </Notice>
      ) : null}

      {isDraft && !status.policy ? (
        <Notice variant="warning">
          {formatMessage({
            id: getTrad('panel.no-policy'),
            defaultMessage: 'Link the edition to a policy and save it before releasing.',
          })}
        </Notice>
      ) : null}

      {!isDraft ? (
        <Notice variant="neutral">
          {formatMessage({
            id: getTrad('panel.frozen'),
            defaultMessage:
              'Released editions are frozen. To correct one, duplicate it into a new edition and release that.',
          })}
        </Notice>
      ) : null}

      {canRelease && isDraft ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root
            name="policy-ledger-effective-at"
            hint={formatMessage(
              {
                id: getTrad('effective-input.hint'),
                defaultMessage:
                  'Leave empty for the earliest allowed instant. Time zone: {timeZone}.',
              },
              { timeZone: timeZone ?? 'UTC' },
            )}
            error={effectiveInputError ?? undefined}
          >
            <Field.Label>
              {formatMessage({
                id: getTrad('effective-input.label'),
                defaultMessage: 'Take effect at (optional)',
              })}
            </Field.Label>
            <TextInput
              type="datetime-local"
              size="S"
              value={effectiveInput}
              min={toDateTimeLocalValue(new Date())}
              disabled={busy !== null}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setEffectiveInput(event.target.value)
              }
              onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
                // Enter must not submit the Content Manager's form.
                if (event.key === 'Enter') event.preventDefault();
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          {formModified ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: getTrad('panel.unsaved'),
                defaultMessage: 'Save your changes first: the saved text is what gets released.',
              })}
            </Typography>
          ) : null}

          <Dialog.Root
            open={dialog === 'release'}
            onOpenChange={(open) => setDialog(open ? 'release' : null)}
          >
            <Dialog.Trigger disabled={releaseBlocked}>
              <Button
                fullWidth
                variant="default"
                disabled={releaseBlocked}
                loading={busy === 'release'}
              >
                {formatMessage({ id: getTrad('release'), defaultMessage: 'Release' })}
              </Button>
            </Dialog.Trigger>
            <Dialog.Content>
              <Dialog.Header>
                {formatMessage({
                  id: getTrad('release.dialog.title'),
                  defaultMessage: 'Release this edition?',
                })}
              </Dialog.Header>
              <Dialog.Body icon={<WarningCircle width="24px" height="24px" fill="warning600" />}>
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography>
                    {formatMessage({
                      id: getTrad('release.dialog.body'),
                      defaultMessage:
                        'A released edition is frozen: its title and text can no longer be changed in any locale. Until it takes effect you can only cancel it.',
                    })}
                  </Typography>
                  <Typography>
                    {effectiveDate
                      ? formatMessage(
                          {
                            id: getTrad('release.dialog.when.at'),
                            defaultMessage: 'It will take effect on {date}.',
                          },
                          { date: formatDate(effectiveDate, DATE_TIME) },
                        )
                      : formatMessage({
                          id: getTrad('release.dialog.when.default'),
                          defaultMessage:
                            "It will take effect at the earliest allowed instant (after the policy's notice period).",
                        })}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(
                      {
                        id: getTrad('release.dialog.locales'),
                        defaultMessage: 'Locales: {locales}',
                      },
                      {
                        locales: status.locales
                          .filter((l) => l.complete)
                          .map((l) => l.locale)
                          .join(', '),
                      },
                    )}
                  </Typography>
                </Flex>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.Cancel>
                  <Button fullWidth variant="tertiary" disabled={busy !== null}>
                    {formatMessage({ id: getTrad('dialog.back'), defaultMessage: 'Back' })}
                  </Button>
                </Dialog.Cancel>
                <Button
                  fullWidth
                  variant="default"
                  loading={busy === 'release'}
                  disabled={busy !== null}
                  onClick={() => void runAction('release')}
                >
                  {formatMessage({
                    id: getTrad('release.dialog.confirm'),
                    defaultMessage: 'Release',
                  })}
                </Button>
              </Dialog.Footer>
            </Dialog.Content>
          </Dialog.Root>
        </Flex>
      ) : null}

      {canRelease && status.state === 'scheduled' ? (
        <Dialog.Root
          open={dialog === 'cancel'}
          onOpenChange={(open) => setDialog(open ? 'cancel' : null)}
        >
          <Dialog.Trigger disabled={!status.canCancel || busy !== null}>
            <Button
              fullWidth
              variant="danger-light"
              disabled={!status.canCancel || busy !== null}
              loading={busy === 'cancel'}
            >
              {formatMessage({ id: getTrad('cancel'), defaultMessage: 'Cancel edition' })}
            </Button>
          </Dialog.Trigger>
          <Dialog.Content>
            <Dialog.Header>
              {formatMessage({
                id: getTrad('cancel.dialog.title'),
                defaultMessage: 'Cancel this edition?',
              })}
            </Dialog.Header>
            <Dialog.Body icon={<WarningCircle width="24px" height="24px" fill="danger600" />}>
              <Typography>
                {formatMessage(
                  {
                    id: getTrad('cancel.dialog.body'),
                    defaultMessage:
                      'Edition v{version} will not take effect. Its version number is not reused and the edition stays in the ledger as cancelled. This cannot be undone.',
                  },
                  { version: status.version },
                )}
              </Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy !== null}>
                  {formatMessage({ id: getTrad('dialog.back'), defaultMessage: 'Back' })}
                </Button>
              </Dialog.Cancel>
              <Button
                fullWidth
                variant="danger"
                loading={busy === 'cancel'}
                disabled={busy !== null}
                onClick={() => void runAction('cancel')}
              >
                {formatMessage({
                  id: getTrad('cancel.dialog.confirm'),
                  defaultMessage: 'Cancel edition',
                })}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      ) : null}
    </Flex>
  );
};

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? (
      <Typography variant="omega" textColor="neutral800">
        {children}
      </Typography>
    ) : (
      children
    )}
  </Flex>
);

const Notice = ({
  variant,
  children,
}: {
  variant: 'warning' | 'neutral';
  children: React.ReactNode;
}) => (
  <Box
    background={variant === 'warning' ? 'warning100' : 'neutral100'}
    borderColor={variant === 'warning' ? 'warning200' : 'neutral200'}
    borderStyle="solid"
    borderWidth="1px"
    hasRadius
    padding={3}
  >
    <Typography variant="pi" textColor={variant === 'warning' ? 'warning700' : 'neutral700'}>
      {children}
    </Typography>
  </Box>
);

export { EditionPanel, EditionPanelContent };
