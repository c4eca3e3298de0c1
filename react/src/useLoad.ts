import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  /** The answer for the current key (undefined while the first one loads or after an error). */
  data: T | undefined;
  /** The last failure for the current key (a PolicyLedgerError, a PolicyLedgerNetworkError…). */
  error: unknown;
  loading: boolean;
  /** Loads again (e.g. after a 409 says the policy changed). */
  reload: () => void;
}

interface State<T> {
  key: string | null;
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes (aborting the run it replaces) and keeps
 * its result. `held` gives an answer already known for a key, shown at once
 * while `load` revalidates it. A null key loads nothing.
 */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  held?: (key: string) => T | undefined,
): Loaded<T> {
  const initial = (): State<T> => ({
    key,
    data: key === null ? undefined : held?.(key),
    loading: key !== null,
  });
  const [state, setState] = useState<State<T>>(initial);
  const [round, setRound] = useState(0);
  // Another key: forget the other key's answer during this very render.
  const current = state.key === key ? state : initial();
  if (current !== state) setState(current);

  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    setState((s) => (s.key === key && s.loading ? s : { ...s, key, loading: true }));
    load(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ key, data, loading: false }),
      (error: unknown) =>
        !abort.signal.aborted && setState((s) => ({ key, data: s.data, error, loading: false })),
    );
    return () => abort.abort();
    // `load` is a new function each render; `key` says when it means another thing.
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: current.data, error: current.error, loading: current.loading, reload };
}
