/**
 * The DOCX/TXT view: the sanitised HTML (DOCX) or the plain text (TXT) as it was imported. The
 * DOM text of this view equals the stored normalised text, so DOM positions and stored offsets
 * agree (checked on every render; a mismatch is reported, never silently mis-anchored).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { SafeHtml } from '../../src/core';
import { followDocumentLink, openInNewTab, titleExternalLinks } from './document-links';
import { TextMap } from './text-map';

/** Electron has no way to open a link outside and denies new windows: links there are inert. */
const opener = typeof window !== 'undefined' && 'overens' in window ? null : openInNewTab;

export interface TextViewProps {
  text: string;
  /** Only HTML that came out of the sanitiser (src/core/html/sanitize-html.ts). */
  html?: SafeHtml;
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
    titleExternalLinks(root);
    const map = TextMap.fromContainer(root);
    onMap(root.textContent === text ? map : null, root);
  }, [text, html, onMap, ref]);

  return html !== undefined ? (
    // SafeHtml: allow-listed tags and attributes only; links never navigate the app.
    <div ref={ref} className="text-view docx-view" data-testid="text-view" onClick={(e) => followDocumentLink(e.nativeEvent, e.currentTarget, opener)} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <div ref={ref} className="text-view plain-view" data-testid="text-view">
      {text}
    </div>
  );
}
