import type { ComponentProps } from 'react';

import { Box } from '@strapi/design-system';

/** The white card the plugin's page is made of (filters, policies, results, panels). */
export const Card = (props: ComponentProps<typeof Box>) => (
  <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} {...props} />
);
