import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import type { ExportFormat, LedgerFilters } from '../../../../../shared/contracts';
import { useNotifyApiError } from '../../../hooks/useApiError';
import { usePolicyLedgerExportMutation } from '../../../services/ledgerApi';
import { getTrad } from '../../../utils/getTrad';

const EXPORT_FORMATS: Array<{ format: ExportFormat; filename: string; label: string }> = [
  { format: 'csv', filename: 'policy-ledger.csv', label: 'CSV' },
  { format: 'ndjson', filename: 'policy-ledger.ndjson', label: 'NDJSON' },
  { format: 'iso27560', filename: 'policy-ledger.json', label: 'ISO 27560 JSON' },
];

interface LedgerExportProps {
  filters: LedgerFilters;
  /** The filters as typed can be sent. */
  disabled: boolean;
}

/** "Export the filtered ledger:" and a download button per format. */
export const LedgerExport = ({ filters, disabled }: LedgerExportProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyApiError();
  const [exportLedger, { isLoading, originalArgs }] = usePolicyLedgerExportMutation();
  const exporting = isLoading ? originalArgs?.format : undefined;

  const run = async (format: ExportFormat, filename: string) => {
    // CSV with a byte-order mark: spreadsheet programs then read Cyrillic as UTF-8.
    const bom = format === 'csv' ? { bom: true } : {};
    const result = await exportLedger({ ...filters, ...bom, format, filename });
    if ('error' in result) {
      notifyError(result.error);
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(
        { id: getTrad('ledger.export.done'), defaultMessage: 'Export {filename} downloaded.' },
        { filename: result.data },
      ),
    });
  };

  return (
    <Flex gap={2} wrap="wrap">
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTrad('ledger.export'),
          defaultMessage: 'Export the filtered ledger:',
        })}
      </Typography>
      {EXPORT_FORMATS.map(({ format, filename, label }) => (
        <Button
          key={format}
          type="button"
          variant="secondary"
          size="S"
          startIcon={<Download />}
          loading={exporting === format}
          disabled={isLoading || disabled}
          data-testid={`export-${format}`}
          onClick={() => void run(format, filename)}
        >
          {label}
        </Button>
      ))}
    </Flex>
  );
};
