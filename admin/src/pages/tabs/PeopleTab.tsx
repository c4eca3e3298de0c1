import * as React from 'react';

import { Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Search, User } from '@strapi/icons';
import { useIntl } from 'react-intl';

import { Card } from '../../components/Card';
import { TextField } from '../../components/fields';
import { PageLoader } from '../../components/Loading';
import { type QueryError, useFormatApiError } from '../../hooks/useApiError';
import { usePolicyLedgerPersonQuery } from '../../services/officerApi';
import { fieldErrors } from '../../utils/fieldErrors';
import { getTrad } from '../../utils/getTrad';
import { PersonView } from './people/PersonView';

interface PeopleTabProps {
  canErase: boolean;
  /** plugin::policy-ledger.export: the evidence pack. */
  canExport: boolean;
  /** The person shown, as looked up (from the address `people/<identifier>`); null for none. */
  identifier: string | null;
  /** Looks a person up: the address names them, and they are shown. */
  onLookUp: (identifier: string) => void;
}

/** One person: look them up by e-mail, phone or id; their standing, history, export, erasure. */
export const PeopleTab = ({ canErase, canExport, identifier, onLookUp }: PeopleTabProps) => {
  const { formatMessage } = useIntl();
  const formatError = useFormatApiError();
  const [typed, setTyped] = React.useState(identifier ?? '');
  // A person opened from the address (a link, back and forward) shows in the field too.
  React.useEffect(() => {
    if (identifier) setTyped(identifier);
  }, [identifier]);
  const person = usePolicyLedgerPersonQuery(identifier ?? '', { skip: !identifier });
  const text = (id: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTrad(id), defaultMessage }, values);

  const lookUp = () => {
    const value = typed.trim();
    if (!value) return;
    if (value === identifier) void person.refetch();
    else onLookUp(value);
  };
  // A record is shown only under the identifier that found it: while the field names that
  // identifier, and only this lookup's own answer (`currentData`, never an earlier person's);
  // nothing once the lookup failed.
  const current = identifier !== null && typed.trim() === identifier;
  const record = current && !person.isError ? person.currentData : undefined;
  const failure =
    current && identifier && person.isError && person.error
      ? lookupError(person.error, identifier, formatError, text)
      : undefined;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Card>
        <Flex alignItems="flex-end" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="stretch" style={{ flex: '1 1 32rem' }}>
            <TextField
              name="person"
              testId="person-identifier"
              label={text('people.identifier', 'E-mail, phone number or id')}
              hint={text(
                'people.identifier.hint',
                'Typed as the person gave it; the server looks them up by its pseudonym.',
              )}
              value={typed}
              error={failure}
              onChange={setTyped}
              onSubmit={lookUp}
            />
          </Flex>
          <Button
            startIcon={<Search />}
            loading={person.isFetching}
            disabled={!typed.trim()}
            data-testid="person-lookup"
            onClick={lookUp}
          >
            {text('people.lookup', 'Look up')}
          </Button>
        </Flex>
      </Card>
      {failure ? null : !record && current && person.isFetching ? (
        <PageLoader />
      ) : record && record.events.length + record.submissions.length + record.held.length > 0 ? (
        <PersonView
          identifier={identifier!}
          record={record}
          canErase={canErase}
          canExport={canExport}
        />
      ) : record ? (
        <EmptyStateLayout
          icon={<User width="6.4rem" height="6.4rem" />}
          content={text('people.none', 'Nothing is held on this person.')}
        />
      ) : identifier && typed.trim() ? (
        <Typography variant="omega" textColor="neutral600" data-testid="person-not-looked-up">
          {text('people.changed', 'Look up {identifier} to see what is held on them.', {
            identifier: typed.trim(),
          })}
        </Typography>
      ) : (
        <Typography variant="omega" textColor="neutral600">
          {text(
            'people.intro',
            'Look a person up to see where they stand with each policy, every decision they made with the exact text they accepted, what they submitted, and to export or erase their data.',
          )}
        </Typography>
      )}
    </Flex>
  );
};

/**
 * Why a lookup failed, in words, for the field: the server's message about the identifier with
 * the identifier itself in front ("“a@@b” is not a valid e-mail address"), or the failure.
 */
function lookupError(
  error: QueryError,
  identifier: string,
  formatError: (error: QueryError) => string,
  text: (id: string, defaultMessage: string, values?: Record<string, string>) => string,
): string {
  const { byField } = fieldErrors(error, { identifier: `“${identifier}”` });
  return (
    byField.identifier ??
    text('people.lookup.failed', 'Could not look this person up: {reason}', {
      reason: formatError(error),
    })
  );
}
