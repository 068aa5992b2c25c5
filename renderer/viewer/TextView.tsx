/**
 * The DOCX/TXT view: the sanitised HTML (DOCX) or the plain text (TXT) as it was imported. The
 * DOM text of this view equals the stored normalised text, so DOM positions and stored offsets
 * agree (checked on every render; a mismatch is reported, never silently mis-anchored).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { TextMap } from './text-map';

export interface TextViewProps {
  text: string;
  html?: string;
  /** Called with the map after every (re)render of the content. */
  onMap: (map: TextMap | null, root: HTMLElement) => void;
  rootRef?: RefObject<HTMLDivElement | null>;
}

export function TextView({ text, html, onMap, rootRef }: TextViewProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = rootRef ?? ownRef;

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const map = TextMap.fromContainer(root);
    onMap(root.textContent === text ? map : null, root);
  }, [text, html, onMap, ref]);

  return html !== undefined ? (
    // The HTML was sanitised at import (src/ingest): allow-listed tags and attributes only.
    <div ref={ref} className="text-view docx-view" data-testid="text-view" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div ref={ref} className="text-view plain-view" data-testid="text-view">
      {text}
    </div>
  );
}
