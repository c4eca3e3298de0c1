import * as React from 'react';

import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useNotifyApiError } from '../hooks/useApiError';
import { adminLocales, nativeLanguageName } from '../language/adminLocales';
import { usePolicyLedgerSetInterfaceLanguageMutation } from '../services/interfaceLanguage';
import { getTrad } from '../utils/getTrad';

/**
 * The admin's interface language, on the plugin page: every language the host app configured
 * (`config.locales`), Kazakh included. Strapi's Profile page offers only the languages its own
 * name table knows (no Kazakh), but it applies a saved preferred language of any configured
 * locale to the whole admin; so the choice is saved as the Profile page saves it, and the admin,
 * the plugin's screens and the Content Manager's labels of the plugin switch to it.
 * Shown only when the host configured more than English.
 */
export const InterfaceLanguage = () => {
  const { formatMessage, locale } = useIntl();
  const notifyError = useNotifyApiError();
  const [save, { isLoading }] = usePolicyLedgerSetInterfaceLanguageMutation();
  const locales = adminLocales();
  const triggerRef = React.useCallback((node: HTMLDivElement | null) => {
    node?.setAttribute('data-testid', 'interface-language');
  }, []);

  if (locales.length < 2) return null;

  const choose = async (next: string | number) => {
    const chosen = String(next);
    if (chosen === locale) return;
    const result = await save(chosen);
    if ('error' in result && result.error) notifyError(result.error);
  };

  return (
    <Box minWidth="18rem">
      <Field.Root name="policy-ledger-interface-language" id="policy-ledger-interface-language">
        <Field.Label>
          {formatMessage({
            id: getTrad('interface-language.label'),
            defaultMessage: 'Interface language',
          })}
        </Field.Label>
        <SingleSelect
          ref={triggerRef}
          size="S"
          value={locales.includes(locale) ? locale : undefined}
          disabled={isLoading}
          onChange={(next: string | number) => void choose(next)}
        >
          {locales.map((code) => (
            <SingleSelectOption key={code} value={code}>
              {nativeLanguageName(code)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
