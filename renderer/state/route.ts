/** Hash routing between the six main views: #/projects, #/documents, … */
import { useEffect, useState } from 'react';

export const VIEWS = ['projects', 'documents', 'codebook', 'coding', 'reliability', 'results'] as const;
export type View = (typeof VIEWS)[number];

export function parseView(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'projects';
}

export function navigate(view: View): void {
  window.location.hash = `#/${view}`;
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
