import * as React from 'react';

/**
 * Brings an element into view once, when it mounts (a request's panel, opened below the
 * register): unless its top is already well inside the window, the window scrolls to put it at
 * the top, below Strapi's sticky header (the element's `scroll-margin-top`).
 */
export function useScrollIntoView<T extends HTMLElement>(): React.RefObject<T> {
  const ref = React.useRef<T>(null);
  React.useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const { top } = node.getBoundingClientRect();
    const margin = parseFloat(getComputedStyle(node).scrollMarginTop) || 0;
    if (top >= margin && top <= window.innerHeight * 0.6) return;
    node.scrollIntoView({ block: 'start' });
  }, []);
  return ref;
}
