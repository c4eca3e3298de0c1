import type { ReactNode } from 'react';

import { Box, Typography } from '@strapi/design-system';

/** A boxed note in the edition panel: a warning, or neutral information. */
export const Notice = ({
  variant,
  children,
}: {
  variant: 'warning' | 'neutral';
  children: ReactNode;
}) => (
  <Box
    background={variant === 'warning' ? 'warning100' : 'neutral100'}
    borderColor={variant === 'warning' ? 'warning200' : 'neutral200'}
    borderStyle="solid"
    borderWidth="1px"
    hasRadius
    padding={3}
  >
    <Typography variant="pi" textColor={variant === 'warning' ? 'warning700' : 'neutral700'}>
      {children}
    </Typography>
  </Box>
);
