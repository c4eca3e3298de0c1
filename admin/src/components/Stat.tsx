import type { ReactNode } from 'react';

import { Flex, Typography } from '@strapi/design-system';

interface StatProps {
  label: string;
  /** Text is set in `variant`; an element (e.g. a badge) is shown as it is. */
  children: ReactNode;
  /** delta: a figure (panels of the Verify tab); omega / pi: a fact in a list. */
  variant?: 'delta' | 'omega' | 'pi';
  testId?: string;
}

/** A labelled value: small caps label above, the value below. */
export const Stat = ({ label, children, variant = 'delta', testId }: StatProps) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' || typeof children === 'number' ? (
      <Typography variant={variant} textColor="neutral800" data-testid={testId}>
        {children}
      </Typography>
    ) : (
      children
    )}
  </Flex>
);
