import { Typography } from '@strapi/design-system';

import { usePluginMessage } from '../../hooks/usePluginMessage';
import { usePluginTimeZoneName } from '../PluginTimeZone';

/** "Times in Asia/Almaty." under an edition's instants (nothing until the zone is known). */
export const TimesInZone = () => {
  const label = usePluginMessage();
  const timeZone = usePluginTimeZoneName();
  return timeZone ? (
    <Typography variant="pi" textColor="neutral600" data-testid="edition-time-zone">
      {label('panel.time-zone', 'Times in {zone}.', { zone: timeZone })}
    </Typography>
  ) : null;
};
