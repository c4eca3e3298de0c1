import * as React from 'react';

const TICK_MS = 30_000;

interface ServerClockOptions {
  /** The server's clock (ISO) when it answered, e.g. `Overview.now`; undefined before that. */
  serverNow: string | undefined;
  /** When that answer arrived (client ms, RTK Query's `fulfilledTimeStamp`). */
  receivedAt: number | undefined;
  /** The next instant (server ms) something is due, e.g. a scheduled edition takes effect. */
  dueAt: number | null;
  /** While a request runs, `onDue` waits for it. */
  isFetching: boolean;
  /** Runs once per due instant, when the clock reaches it (the server then reports a new state). */
  onDue: () => void;
}

/**
 * The server's clock now (ms): its `now` at answer time plus the time elapsed since on the
 * client, so countdowns do not depend on the browser's clock being right. While something is due
 * the clock ticks every 30 s; once it reaches `dueAt`, `onDue` runs (once for that instant).
 */
export function useServerClock({
  serverNow,
  receivedAt,
  dueAt,
  isFetching,
  onDue,
}: ServerClockOptions): number {
  const [clientNow, setClientNow] = React.useState(() => Date.now());
  const ticking = dueAt !== null;

  React.useEffect(() => {
    setClientNow(Date.now());
    if (!ticking) return undefined;
    const timer = window.setInterval(() => setClientNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [ticking, receivedAt]);

  const now =
    serverNow && receivedAt
      ? new Date(serverNow).getTime() + Math.max(0, clientNow - receivedAt)
      : clientNow;

  const handledDue = React.useRef<number | null>(null);
  React.useEffect(() => {
    if (dueAt === null || now < dueAt || isFetching || handledDue.current === dueAt) return;
    handledDue.current = dueAt;
    onDue();
  }, [dueAt, now, isFetching, onDue]);

  return now;
}
