/**
 * The clock every time decision of the plugin goes through. Production uses
 * the system clock; tests (and the demo seed) move it instead of waiting.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export class ControllableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now = (): Date => {
    if (this.frozenAt !== null) return new Date(this.frozenAt);
    return new Date(Date.now() + this.offsetMs);
  };

  /** Stop the clock at `instant` (it stays there until moved or reset). */
  set = (instant: Date | string): void => {
    this.frozenAt = new Date(instant).getTime();
  };

  /** Move the clock forward (or backward, with a negative value) by `ms`. */
  advance = (ms: number): void => {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  };

  /** Back to the system clock. */
  reset = (): void => {
    this.offsetMs = 0;
    this.frozenAt = null;
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;
