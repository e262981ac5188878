import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height that lets `ref`'s element fill the window below where it starts (less `bottomGap`),
 * at least `min`: the board and the list scroll inside themselves, so their headers, filters and
 * column titles stay in view. Follows window resizes and anything above that changes height.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, min: number, bottomGap = 24): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + (element.closest('.main')?.scrollTop ?? 0);
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - bottomGap)));
    };
    measure();
    window.addEventListener('resize', measure);
    // The filter bar or a banner above may wrap or appear: watch the page's main column.
    const observer = new ResizeObserver(measure);
    const main = element.closest('.main');
    for (const child of main ? Array.from(main.children) : []) if (!child.contains(element)) observer.observe(child);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [ref, min, bottomGap]);
  return height;
}
