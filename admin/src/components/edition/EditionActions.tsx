import * as React from 'react';

import { Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { EditionStatus } from '../../../../shared/contracts';
import { getTrad } from '../../utils/getTrad';
import {
  formatInstant,
  localTimeZone,
  parseDateTimeLocal,
  toDateTimeLocalValue,
} from '../../utils/time';
import { ConfirmActionDialog } from '../ConfirmActionDialog';
import type { EditionActions } from './useEditionActions';

interface ReleaseControlsProps {
  status: EditionStatus;
  actions: EditionActions;
  /** Unsaved edits in the form: the saved text is what gets released, so save first. */
  formModified: boolean;
}

/** A draft's optional "take effect at" input and its Release button with confirmation. */
export const ReleaseControls = ({ status, actions, formModified }: ReleaseControlsProps) => {
  const { formatMessage, formatDate } = useIntl();
  const [open, setOpen] = React.useState(false);
  const [effectiveInput, setEffectiveInput] = React.useState('');

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
  const blocked =
    !status.canRelease || formModified || Boolean(effectiveInputError) || actions.busy !== null;

  const confirm = async () => {
    if (await actions.release(effectiveDate)) setEffectiveInput('');
    setOpen(false);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root
        name="policy-ledger-effective-at"
        hint={formatMessage(
          {
            id: getTrad('effective-input.hint'),
            defaultMessage: 'Leave empty for the earliest allowed instant. Time zone: {timeZone}.',
          },
          { timeZone: localTimeZone() ?? 'UTC' },
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
          disabled={actions.busy !== null}
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

/** A scheduled edition's Cancel button with confirmation. */
export const CancelControl = ({ status, actions }: Omit<ReleaseControlsProps, 'formModified'>) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = React.useState(false);

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
      title={formatMessage({
        id: getTrad('cancel.dialog.title'),
        defaultMessage: 'Cancel this edition?',
      })}
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
              'Edition v{version} will not take effect. Its version number is not reused and the edition stays in the ledger as cancelled. This cannot be undone.',
          },
          { version: status.version },
        )}
      </Typography>
    </ConfirmActionDialog>
  );
};
