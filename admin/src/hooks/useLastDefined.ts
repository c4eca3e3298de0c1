import * as React from 'react';

/**
 * `value`, or the last defined value it had. A mutation's `data` is cleared while it runs again
 * and after it fails; this keeps the last result on screen meanwhile.
 */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const last = React.useRef(value);
  if (value !== undefined) last.current = value;
  return last.current;
}
