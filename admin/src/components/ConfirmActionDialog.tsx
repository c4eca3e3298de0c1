import type { ReactNode } from 'react';

import { Button, Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTrad } from '../utils/getTrad';

interface ConfirmActionDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The full-width button that opens the dialog. */
  triggerLabel: string;
  triggerVariant: 'default' | 'danger-light';
  /** The action may not run now: the trigger is disabled. */
  triggerDisabled: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** default: a warning (warning icon); danger: cannot be undone (danger icon and button). */
  tone: 'default' | 'danger';
  /** Some action is running: both dialog buttons are disabled. */
  busy: boolean;
  /** This action is running: the trigger and the confirm button spin. */
  running: boolean;
  onConfirm: () => void;
}

/**
 * A button that asks for confirmation before running an action: Strapi's ConfirmDialog with
 * a "Back" button and the action's own confirm button, which stays open while the action runs.
 */
export const ConfirmActionDialog = ({
  open,
  onOpenChange,
  triggerLabel,
  triggerVariant,
  triggerDisabled,
  title,
  children,
  confirmLabel,
  tone,
  busy,
  running,
  onConfirm,
}: ConfirmActionDialogProps) => {
  const { formatMessage } = useIntl();
  const iconColor = tone === 'danger' ? 'danger600' : 'warning600';
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger disabled={triggerDisabled}>
        <Button fullWidth variant={triggerVariant} disabled={triggerDisabled} loading={running}>
          {triggerLabel}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={title}
        icon={<WarningCircle width="24px" height="24px" fill={iconColor} />}
        startAction={
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={busy}>
              {formatMessage({ id: getTrad('dialog.back'), defaultMessage: 'Back' })}
            </Button>
          </Dialog.Cancel>
        }
        endAction={
          <Button fullWidth variant={tone} loading={running} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        }
      >
        {children}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
