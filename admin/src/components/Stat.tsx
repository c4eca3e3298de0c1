import type { ReactNode } from 'react';

import { Flex, Typography } from '@strapi/design-system';

/** A labelled figure: small caps label above, the value below. */
export const Stat = ({
  label,
  value,
  testId,
}: {
  label: string;
  value: ReactNode;
  testId?: string;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="delta" textColor="neutral800" data-testid={testId}>
      {value}
    </Typography>
  </Flex>
);
