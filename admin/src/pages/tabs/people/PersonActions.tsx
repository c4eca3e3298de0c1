import * as React from 'react';

import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { PersonRecord, SubjectExportFormat } from '../../../../../shared/contracts';
import { ConfirmActionDialog } from '../../../components/ConfirmActionDialog';
import { useNotifyApiError } from '../../../hooks/useApiError';
import {
  usePolicyLedgerEraseSubjectMutation,
  usePolicyLedgerEvidencePackMutation,
  usePolicyLedgerPersonExportMutation,
} from '../../../services/officerApi';
import { exportLocale } from '../../../utils/exportLocale';
import { getTrad } from '../../../utils/getTrad';

interface PersonActionsProps {
  identifier: string;
  record: PersonRecord;
  /** plugin::policy-ledger.erase: export and erase (the routes need it). */
  canErase: boolean;
  /** plugin::policy-ledger.export: the evidence pack. */
  canExport: boolean;
}

/**
 * The evidence pack (with the export permission), the access export (JSON or
 * a readable page) and erasure, behind a confirmation (with the erase permission).
 */
export const PersonActions = ({ identifier, record, canErase, canExport }: PersonActionsProps) => {
  const { formatMessage, locale } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [download, exporting] = usePolicyLedgerPersonExportMutation();
  const [erase, erasing] = usePolicyLedgerEraseSubjectMutation();
  const [downloadPack, packing] = usePolicyLedgerEvidencePackMutation();
  const [open, setOpen] = React.useState(false);
  const text = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);
  if (!canErase && !canExport) return null;

  const save = async (format: SubjectExportFormat) => {
    const day = new Date().toISOString().slice(0, 10);
    const filename = `personal-data-${record.subject.slice(0, 12)}-${day}.${format}`;
    const outcome = await download({ identifier, format, locale: exportLocale(locale), filename });
    if ('error' in outcome) notifyError(outcome.error);
  };
  const savePack = async () => {
    const day = new Date().toISOString().slice(0, 10);
    const filename = `evidence-${record.subject.slice(0, 12)}-${day}.json`;
    const outcome = await downloadPack({ identifier, filename });
    if ('error' in outcome) notifyError(outcome.error);
  };
  const confirmErase = async () => {
    const outcome = await erase(identifier);
    setOpen(false);
    if ('error' in outcome) notifyError(outcome.error);
    else {
      toggleNotification({
        type: 'success',
        message: text(
          'people.erased',
          'Erased {submissions, plural, one {# submission} other {# submissions}}, {evidence, plural, one {# evidence record} other {# evidence records}} and {held, plural, one {# submission awaiting confirmation} other {# submissions awaiting confirmation}} of {identifier}. The pseudonymous decisions stay.',
          { ...outcome.data, identifier },
        ),
      });
    }
  };
  const kept = record.submissions.filter((s) => !s.erasedAt).length;
  const withEvidence = record.events.filter((e) => e.evidence).length;
  const held = record.held.length;

  return (
    <Flex gap={2} wrap="wrap" alignItems="flex-start">
      {canExport ? (
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={packing.isLoading}
          data-testid="person-evidence-pack"
          onClick={() => void savePack()}
        >
          {text('people.evidencePack', 'Evidence pack')}
        </Button>
      ) : null}
      {canErase ? (
        <>
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={exporting.isLoading && exporting.originalArgs?.format === 'json'}
            data-testid="person-export-json"
            onClick={() => void save('json')}
          >
            {text('people.export.json', 'Export (JSON)')}
          </Button>
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={exporting.isLoading && exporting.originalArgs?.format === 'html'}
            data-testid="person-export-html"
            onClick={() => void save('html')}
          >
            {text('people.export.html', 'Export (readable page)')}
          </Button>
          <div data-testid="person-erase">
            <ConfirmActionDialog
              open={open}
              onOpenChange={setOpen}
              triggerLabel={text('people.erase', 'Erase personal data')}
              triggerVariant="danger-light"
              triggerDisabled={kept + held + withEvidence === 0 || erasing.isLoading}
              title={text('people.erase.title', 'Erase the data of {identifier}?', { identifier })}
              confirmLabel={text('people.erase.confirm', 'Erase')}
              tone="danger"
              busy={erasing.isLoading}
              running={erasing.isLoading}
              onConfirm={() => void confirmErase()}
            >
              <Typography>
                {text(
                  'people.erase.body',
                  'Deleted for good: what {identifier} sent in {count, plural, =0 {no submission} one {# submission} other {# submissions}}{held, plural, =0 {} one { and # submission awaiting confirmation (with its e-mail)} other { and # submissions awaiting confirmation (with their e-mails)}}, and the evidence (IP address, browser, page) of {decisions, plural, =0 {no decision} one {# decision} other {# decisions}}. The pseudonymous decisions stay in the ledger, as the law requires proof of consent.',
                  { identifier, count: kept, held, decisions: withEvidence },
                )}
              </Typography>
            </ConfirmActionDialog>
          </div>
        </>
      ) : null}
    </Flex>
  );
};
