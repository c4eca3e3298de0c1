import * as React from 'react';

import { Box, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { EditionStatus } from '../../../../shared/contracts';
import { checkEffectiveInput, earliestEffectiveAt } from '../../utils/effectiveInput';
import { getTrad } from '../../utils/getTrad';
import { formatInstant, localTimeZone, toDateTimeLocalValue } from '../../utils/time';
import { ConfirmActionDialog } from '../ConfirmActionDialog';
import { usePluginTimeZoneName } from '../PluginTimeZone';
import type { EditionActions } from './useEditionActions';

interface ReleaseControlsProps {
  status: EditionStatus;
  actions: EditionActions;
  /** Unsaved edits in the form: the saved text is what gets released, so save first. */
  formModified: boolean;
  /** When the status arrived (client ms): the earliest allowed instant moves on from there. */
  statusReceivedAt?: number;
}

/**
 * A draft's optional "take effect at" input and its Release button with confirmation. The input
 * is a wall-clock time in the plugin's time zone (named beside it); a time before the earliest the
 * server allows is refused here, with that earliest instant in words, and never sent.
 */
export const ReleaseControls = ({
  status,
  actions,
  formModified,
  statusReceivedAt,
}: ReleaseControlsProps) => {
  const { formatMessage, formatDate } = useIntl();
  const timeZone = usePluginTimeZoneName() ?? localTimeZone() ?? 'UTC';
  const [open, setOpen] = React.useState(false);
  const [effectiveInput, setEffectiveInput] = React.useState('');

  // Computed at every render (typing, opening the dialog): the earliest moves on with the clock.
  const checkNow = () =>
    checkEffectiveInput(
      effectiveInput,
      timeZone,
      earliestEffectiveAt(
        status,
        statusReceivedAt === undefined ? 0 : Date.now() - statusReceivedAt,
      ),
    );
  const check = checkNow();
  const earliest = formatInstant(
    formatDate,
    check.firstAllowed ? new Date(check.firstAllowed) : null,
  );
  const effectiveDate = check.at;
  const effectiveInputError =
    check.error === 'invalid'
      ? formatMessage({
          id: getTrad('effective-input.invalid'),
          defaultMessage: 'Enter a valid date and time.',
        })
      : check.error === 'too-early'
        ? formatMessage(
            {
              id: getTrad('effective-input.too-early'),
              defaultMessage:
                'Too early: the earliest it may take effect is {earliest}. Pick that or a later time, or leave the field empty.',
            },
            { earliest },
          )
        : null;
  const blocked =
    !status.canRelease || formModified || Boolean(effectiveInputError) || actions.busy !== null;

  const confirm = async () => {
    // Time went on while the dialog was open: what was early enough may no longer be.
    if (checkNow().error) {
      setOpen(false);
      return;
    }
    if (await actions.release(effectiveDate)) setEffectiveInput('');
    setOpen(false);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box data-testid="release-effective" data-time-zone={timeZone}>
        <Field.Root
          name="policy-ledger-effective-at"
          hint={
            earliest
              ? formatMessage(
                  {
                    id: getTrad('effective-input.hint'),
                    defaultMessage:
                      'Leave empty to take effect at the earliest allowed: {earliest}.',
                  },
                  { earliest },
                )
              : undefined
          }
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
            data-testid="release-effective-at"
            value={effectiveInput}
            min={
              check.firstAllowed ? toDateTimeLocalValue(check.firstAllowed, timeZone) : undefined
            }
            disabled={actions.busy !== null}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setEffectiveInput(event.target.value)
            }
            onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
              // Enter must not submit the Content Manager's form.
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          <Typography variant="pi" textColor="neutral600" data-testid="release-effective-zone">
            {formatMessage(
              { id: getTrad('effective-input.zone'), defaultMessage: 'In {timeZone} time.' },
              { timeZone },
            )}
          </Typography>
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Box>

      {formModified ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTrad('panel.unsaved'),
            defaultMessage: 'Save your changes first: the saved text is what gets released.',
          })}
        </Typography>
      ) : null}

      <ConfirmActionDialog
        open={open}
        onOpenChange={setOpen}
        triggerLabel={formatMessage({ id: getTrad('release'), defaultMessage: 'Release' })}
        triggerVariant="default"
        triggerDisabled={blocked}
        title={formatMessage({
          id: getTrad('release.dialog.title'),
          defaultMessage: 'Release this edition?',
        })}
        confirmLabel={formatMessage({
          id: getTrad('release.dialog.confirm'),
          defaultMessage: 'Release',
        })}
        tone="default"
        busy={actions.busy !== null}
        running={actions.busy === 'release'}
        onConfirm={() => void confirm()}
      >
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography>
            {formatMessage({
              id: getTrad('release.dialog.body'),
              defaultMessage:
                'A released edition is frozen: its title and text can no longer be changed in any locale. Until it takes effect you can only cancel it.',
            })}
          </Typography>
          <Typography>
            {formatMessage(
              {
                id: getTrad('release.dialog.when.at'),
                defaultMessage: 'It will take effect on {date}.',
              },
              { date: formatInstant(formatDate, effectiveDate ?? status.releaseEffectiveAt) },
            )}
          </Typography>
          {status.scheduledOver ? (
            <Typography textColor="warning700" data-testid="release-over-scheduled">
              {formatMessage(
                {
                  id: getTrad('release.dialog.over-scheduled'),
                  defaultMessage:
                    'v{version} is already scheduled to take effect on {scheduled}. Released now, this edition takes effect on {date}: v{version} would be in force only in between. Cancel v{version} first if it should not apply at all.',
                },
                {
                  version: status.scheduledOver.version,
                  scheduled: formatInstant(formatDate, status.scheduledOver.effectiveAt),
                  date: formatInstant(formatDate, effectiveDate ?? status.releaseEffectiveAt),
                },
              )}
            </Typography>
          ) : null}
          {status.identicalTo ? (
            <Typography textColor="warning700" data-testid="release-identical">
              {formatMessage(
                {
                  id: getTrad('release.dialog.identical'),
                  defaultMessage:
                    "This edition's text is identical to version {version}, the one in force, in every locale. Released, it would publish the same text again under a new version.",
                },
                { version: status.identicalTo.version },
              )}
            </Typography>
          ) : null}
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: getTrad('release.dialog.locales'), defaultMessage: 'Locales: {locales}' },
              {
                locales: status.locales
                  .filter((l) => l.complete)
                  .map((l) => l.locale)
                  .join(', '),
              },
            )}
          </Typography>
        </Flex>
      </ConfirmActionDialog>
    </Flex>
  );
};

/** A scheduled edition's Cancel button with confirmation naming the edition (version, policy). */
export const CancelControl = ({ status, actions }: Omit<ReleaseControlsProps, 'formModified'>) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = React.useState(false);
  const named = { version: status.version, policy: status.policy?.name ?? '—' };

  const confirm = async () => {
    await actions.cancel();
    setOpen(false);
  };

  return (
    <ConfirmActionDialog
      open={open}
      onOpenChange={setOpen}
      triggerLabel={formatMessage({ id: getTrad('cancel'), defaultMessage: 'Cancel edition' })}
      triggerVariant="danger-light"
      triggerDisabled={!status.canCancel || actions.busy !== null}
      title={formatMessage(
        { id: getTrad('cancel.dialog.title'), defaultMessage: 'Cancel v{version} of {policy}?' },
        named,
      )}
      confirmLabel={formatMessage({
        id: getTrad('cancel.dialog.confirm'),
        defaultMessage: 'Cancel edition',
      })}
      tone="danger"
      busy={actions.busy !== null}
      running={actions.busy === 'cancel'}
      onConfirm={() => void confirm()}
    >
      <Typography>
        {formatMessage(
          {
            id: getTrad('cancel.dialog.body'),
            defaultMessage:
              'Edition v{version} of {policy} will not take effect. Its version number is not reused and the edition stays in the ledger as cancelled. This cannot be undone.',
          },
          named,
        )}
      </Typography>
    </ConfirmActionDialog>
  );
};
