/**
 * Page keys of the PDF view: Home and End go to the first and the last page, Page Down and Page Up
 * to the next and the previous page. They act when the keyboard is not in a form field and the
 * focus is in the document pane or nowhere in particular (the page body), so a list or panel
 * that has the focus keeps its own keys.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function usePageKeys(paneRef: RefObject<HTMLElement | null>, goToPage: (page: number) => void, page: number, count: number, enabled: boolean): void {
  const latest = useRef({ goToPage, page, count });
  latest.current = { goToPage, page, count };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      const inPane = !target || target === document.body || target === document.documentElement || !!paneRef.current?.contains(target);
      if (!inPane) return;
      const { goToPage: go, page: current, count: n } = latest.current;
      const next = e.key === 'Home' ? 1 : e.key === 'End' ? n : e.key === 'PageDown' ? current + 1 : e.key === 'PageUp' ? current - 1 : null;
      if (next === null) return;
      e.preventDefault();
      go(Math.min(n, Math.max(1, next)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paneRef, enabled]);
}
