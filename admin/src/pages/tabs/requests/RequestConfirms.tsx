import * as React from 'react';

import { Flex, Typography } from '@strapi/design-system';

import type { SubjectRequestEntry } from '../../../../../shared/contracts';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { usePluginMessage } from '../../../hooks/usePluginMessage';
import { usePolicyLedgerPersonQuery } from '../../../services/officerApi';
import { useRequestLabels } from './requestLabels';

interface ConfirmProps {
  request: SubjectRequestEntry;
  /** Some change or action of the request is running: nothing else may start. */
  busy: boolean;
  /** This one is running. */
  running: boolean;
}

/**
 * "Erase their data", asked first: the dialog names the person and what goes — the submissions
 * and evidence held on them, counted from their record when the admin may read it.
 */
export const EraseConfirm = ({
  request,
  busy,
  running,
  onErase,
}: ConfirmProps & { onErase: () => Promise<unknown> }) => {
  const t = usePluginMessage();
  const [open, setOpen] = React.useState(false);
  // Read only while the dialog is open; without read-consents it fails and the text says less.
  const person = usePolicyLedgerPersonQuery(request.contact, { skip: !open });
  const record = person.isError ? undefined : person.currentData;
  const contact = request.contact;
  const erase = async () => {
    await onErase();
    setOpen(false);
  };
  return (
    <div data-testid="request-action-erase">
      <ConfirmActionDialog
        open={open}
        onOpenChange={setOpen}
        triggerLabel={t('requests.action.erase', 'Erase their data')}
        triggerVariant="danger-light"
        triggerDisabled={busy}
        title={t('requests.erase.title', 'Erase the data of {contact}?', { contact })}
        confirmLabel={t('requests.erase.confirm', 'Erase')}
        tone="danger"
        busy={busy}
        running={running}
        onConfirm={() => void erase()}
      >
        <Flex direction="column" gap={2} data-testid="request-erase-what">
          <Typography>
            {record
              ? t(
                  'requests.erase.counted',
                  'Deleted for good: what {contact} sent in {submissions, plural, =0 {no submission} one {# submission} other {# submissions}}, and the evidence (IP address, browser, page) of {decisions, plural, =0 {no decision} one {# decision} other {# decisions}}.',
                  {
                    contact,
                    submissions: record.submissions.filter((s) => !s.erasedAt).length,
                    decisions: record.events.filter((e) => e.evidence).length,
                  },
                )
              : t(
                  'requests.erase.body',
                  'Deleted for good: everything {contact} sent through forms, and the evidence (IP address, browser, page) of each of their decisions.',
                  { contact },
                )}
          </Typography>
          <Typography textColor="neutral600">
            {t(
              'requests.erase.stays',
              'Their pseudonymous decisions stay in the ledger, as the law requires proof of consent. The erasure is recorded on this request.',
            )}
          </Typography>
        </Flex>
      </ConfirmActionDialog>
    </div>
  );
};

/**
 * "Refuse…", asked first: the dialog names the person and the reason given. Without a reason
 * the dialog does not open: `onMissingReason` says so next to the field.
 */
export const RefuseConfirm = ({
  request,
  busy,
  running,
  reason,
  onMissingReason,
  onRefuse,
}: ConfirmProps & {
  reason: string;
  onMissingReason: () => void;
  onRefuse: () => Promise<unknown>;
}) => {
  const t = usePluginMessage();
  const labels = useRequestLabels();
  const [open, setOpen] = React.useState(false);
  const refuse = async () => {
    await onRefuse();
    setOpen(false);
  };
  return (
    <div data-testid="request-to-refused">
      <ConfirmActionDialog
        open={open}
        onOpenChange={(next) => {
          if (next && !reason.trim()) return onMissingReason();
          setOpen(next);
        }}
        triggerLabel={t('requests.refuse', 'Refuse…')}
        triggerVariant="danger-light"
        triggerDisabled={busy}
        title={t('requests.refuse.title', 'Refuse the request of {contact}?', {
          contact: request.contact,
        })}
        confirmLabel={t('requests.refuse.confirm', 'Refuse')}
        tone="danger"
        busy={busy}
        running={running}
        onConfirm={() => void refuse()}
      >
        <Typography>
          {t(
            'requests.refuse.body',
            'The request ({type}) is closed as refused, for good, with this reason: “{reason}”. Tell the person why.',
            { type: labels.type(request.type), reason: reason.trim() },
          )}
        </Typography>
      </ConfirmActionDialog>
    </div>
  );
};
