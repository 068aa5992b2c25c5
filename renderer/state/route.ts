/** Hash routing between the six main views: #/projects, #/documents, … */
import { useEffect, useState } from 'react';

export const VIEWS = ['projects', 'documents', 'codebook', 'coding', 'reliability', 'results'] as const;
export type View = (typeof VIEWS)[number];

export function parseView(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'projects';
}

export function navigate(view: View, params: Record<string, string> = {}): void {
  const query = new URLSearchParams(params).toString();
  window.location.hash = `#/${view}${query ? `?${query}` : ''}`;
}

/** Query parameters of the current hash route (#/coding?doc=…). */
export function routeParams(hash: string = window.location.hash): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}

export function useRouteParam(name: string): string | null {
  const [value, setValue] = useState<string | null>(() => routeParams().get(name));
  useEffect(() => {
    const onChange = () => setValue(routeParams().get(name));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}

export function useView(): View {
  const [view, setView] = useState<View>(() => parseView(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(parseView(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
