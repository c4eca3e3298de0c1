import { defaultLabels, type Labels } from './labels';

/** "Loading…", or the failure (announced) with a button that loads again. */
export function LoadState({
  error,
  reload,
  labels = defaultLabels,
}: {
  error: unknown;
  reload: () => void;
  labels?: Labels;
}) {
  if (!error) return <p className="pl-loading">{labels.loading}</p>;
  return (
    <div className="pl-error" role="alert">
      <p>{labels.loadFailed}</p>
      <button type="button" className="pl-button pl-retry" onClick={reload}>
        {labels.retry}
      </button>
    </div>
  );
}
