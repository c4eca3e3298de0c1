import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again. */
  reload: () => void;
}

/** Runs `load` whenever `key` changes (aborting the previous run) and keeps its result. */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: key !== null,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ data, loading: false }),
      (error) => !abort.signal.aborted && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => abort.abort();
    // `load` is recreated each render; `key` says when it means something else.
  }, [key, round]);
  return { ...state, data: state.data, error: state.error, reload: () => setRound((r) => r + 1) };
}
