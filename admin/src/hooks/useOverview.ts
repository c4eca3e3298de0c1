import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { ApiResponse, Overview } from '../../../shared/contracts';
import { API } from '../utils/api';
import { errorMessage, isAbortError } from '../utils/errors';
import { useErrorNotification } from './useErrorNotification';

export interface OverviewState {
  overview: Overview | null;
  /** Client time (Date.now()) when `overview` arrived; with overview.now it estimates the server's clock. */
  receivedAt: number;
  isLoading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** GET /policy-ledger/overview, loaded once `enabled` and again on reload(). */
export function useOverview(enabled: boolean): OverviewState {
  const { get } = useFetchClient();
  const notifyError = useErrorNotification();
  const [overview, setOverview] = React.useState<Overview | null>(null);
  const [receivedAt, setReceivedAt] = React.useState(0);
  const [isLoading, setIsLoading] = React.useState(enabled);
  const [error, setError] = React.useState<string | null>(null);
  const requestSeq = React.useRef(0);

  const reload = React.useCallback(async () => {
    const seq = ++requestSeq.current;
    setIsLoading(true);
    try {
      const { data } = await get<ApiResponse<Overview>>(API.overview());
      if (seq !== requestSeq.current) return;
      const next = data?.data;
      setOverview({
        now: next?.now ?? new Date().toISOString(),
        policies: Array.isArray(next?.policies)
          ? next.policies.map((policy) => ({
              ...policy,
              editions: Array.isArray(policy.editions) ? policy.editions : [],
            }))
          : [],
      });
      setReceivedAt(Date.now());
      setError(null);
    } catch (err) {
      if (seq !== requestSeq.current || isAbortError(err)) return;
      setError(errorMessage(err));
      notifyError(err);
    } finally {
      if (seq === requestSeq.current) setIsLoading(false);
    }
  }, [get, notifyError]);

  React.useEffect(() => {
    if (enabled) void reload();
    else setIsLoading(false);
  }, [enabled, reload]);

  return { overview, receivedAt, isLoading, error, reload };
}
