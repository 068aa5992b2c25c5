/**
 * Links inside a document never navigate the app. A click (or Enter) on a link in the DOCX view:
 * - `#name` scrolls to the bookmark of that name in the same document (the sanitiser keeps a
 *   bookmark's id as `data-anchor`, never as an `id` the app's own elements could clash with);
 * - http(s)/mailto opens outside the app: in the browser a new tab without an opener; in Electron
 *   (which has no message for opening links and denies new windows) the link is inert and its
 *   address shown as the tooltip, so the user can copy it.
 */
export type LinkOpener = ((href: string) => void) | null;

/** The web app's opener: a new tab that cannot reach back into the app. */
export const openInNewTab: LinkOpener = (href) => {
  window.open(href, '_blank', 'noopener,noreferrer');
};

/** Handles a click inside `root`; returns what it did (for tests). */
export function followDocumentLink(event: Pick<MouseEvent, 'target' | 'preventDefault'>, root: HTMLElement, open: LinkOpener): 'scrolled' | 'opened' | 'inert' | 'none' {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a');
  if (!link || !root.contains(link)) return 'none';
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    const name = decodeURIComponent(href.slice(1));
    const to = Array.from(root.querySelectorAll<HTMLElement>('[data-anchor]')).find((el) => el.dataset.anchor === name);
    if (!to) return 'inert';
    to.scrollIntoView({ block: 'start' });
    return 'scrolled';
  }
  if (/^(https?:|mailto:)/i.test(href) && open) {
    open(href);
    return 'opened';
  }
  return 'inert';
}

/** Shows an external link's address as its tooltip (where it cannot be opened). */
export function titleExternalLinks(root: HTMLElement): void {
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href.startsWith('#') && !a.hasAttribute('title')) a.setAttribute('title', href);
  }
}
