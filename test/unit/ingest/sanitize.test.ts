// The DOCX HTML sanitiser: hostile input never survives, and the text equals the HTML's DOM text.
import { describe, expect, it } from 'vitest';
import { decodeEntities, sanitiseHtml } from '../../../src/ingest';

/** The DOM text of sanitised output, computed without a DOM: drop tags, decode entities. */
function textContent(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

describe('sanitiseHtml', () => {
  it.each([
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<p onclick="alert(1)" style="background:url(x)">x</p>', '<p>x</p>'],
    ['<p><a href="javascript:alert(1)">länk</a></p>', '<p><a>länk</a></p>'],
    ['<p><a href=" JaVa\tScRiPt:alert(1)">l</a></p>', '<p><a>l</a></p>'],
    ['<p><a href="&#106;avascript:alert(1)">l</a></p>', '<p><a>l</a></p>'],
    ['<p><a href="data:text/html,<script>">l</a></p>', '<p><a>l</a></p>'],
    ['<p><img src="x" onerror="alert(1)">bild</p>', '<p>bild</p>'],
    ['<iframe src="https://evil"></iframe><p>kvar</p>', '<p>kvar</p>'],
    ['<style>p{}</style><p>x</p>', '<p>x</p>'],
    ['<p>a<svg><script>alert(1)</script></svg>b</p>', '<p>ab</p>'],
    ['<p>a < b &amp; c</p>', '<p>a &lt; b &amp; c</p>'],
    ['<!-- kommentar --><p>x</p>', '<p>x</p>'],
    ['<p>olåst', '<p>olåst</p>'],
    // What a hostile backup brought in (issue #18): a refresh to another site, a full-window link overlay.
    ['<meta http-equiv="refresh" content="0;url=https://evil.example"><p>x</p>', '<p>x</p>'],
    ['<head><meta http-equiv="refresh" content="0;url=https://evil.example"></head><p>x</p>', '<p>x</p>'],
    ['<p><a href="https://evil.example" style="position:fixed;inset:0;z-index:9999" class="overlay">x</a></p>', '<p><a href="https://evil.example" rel="noopener noreferrer">x</a></p>'],
    ['<base href="https://evil.example/"><form action="https://evil.example"><p>x</p></form>', '<p>x</p>'],
    ['<p><a id="x" onclick="y">k</a></p>', '<p><a data-anchor="x">k</a></p>'],
    ['<p><a id="a&quot; onmouseover=&quot;x">k</a></p>', '<p><a>k</a></p>'],
  ])('%s → %s', (input, expected) => {
    expect(sanitiseHtml(input).html).toBe(expected);
  });

  it('keeps safe links with rel=noopener', () => {
    expect(sanitiseHtml('<p><a href="https://www.vardanalys.se/?a=1&amp;b=2">V</a> <a href="#rubrik">R</a> <a href="mailto:x@y.se">M</a></p>').html).toBe(
      '<p><a href="https://www.vardanalys.se/?a=1&amp;b=2" rel="noopener noreferrer">V</a> <a href="#rubrik" rel="noopener noreferrer">R</a> <a href="mailto:x@y.se" rel="noopener noreferrer">M</a></p>',
    );
  });

  it('separates blocks, list items and table cells so the text reads as rendered', () => {
    const input = '<h1>Rubrik</h1><p>Stycke<br />ny rad</p><ul><li>ett</li><li>två</li></ul><table><tr><td colspan="2" onclick="x">A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>';
    const { html, text } = sanitiseHtml(input);
    expect(text).toBe('Rubrik\nStycke\nny rad\nett\ntvå\nA\tB\nC\tD');
    expect(textContent(html)).toBe(text);
    expect(html).toContain('<td colspan="2">A</td>');
  });

  it('keeps a bookmark as data-anchor (never an id) so an internal link can reach it, and drops overlong links', () => {
    const { html } = sanitiseHtml('<p><a id="_Toc12"></a>Rubrik</p><p><a href="#_Toc12">till rubriken</a></p>');
    expect(html).toBe('<p><a data-anchor="_Toc12"></a>Rubrik</p>\n<p><a href="#_Toc12" rel="noopener noreferrer">till rubriken</a></p>');
    expect(html).not.toMatch(/\sid=/);
    const long = `https://x.example/${'a'.repeat(3000)}`;
    expect(sanitiseHtml(`<p><a href="${long}">l</a></p>`).html).toBe('<p><a>l</a></p>');
    // A 50 MB href costs no spread of 50 M characters: refused by its length first (well under a second).
    const started = performance.now();
    expect(sanitiseHtml(`<p><a href="${'j'.repeat(50_000_000)}">l</a></p>`).html).toBe('<p><a>l</a></p>');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('is idempotent: its own output comes back unchanged (so every stored HTML can be re-sanitised)', () => {
    const inputs = [
      '<h1>Rubrik</h1><p>Stycke<br />ny rad<br /><br />tom rad</p><ul><li>ett</li><li>två</li></ul>',
      '<table><tr><td colspan="2">A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table><p>a &amp; b &lt; c\u00a0d</p>',
      '<p><a id="b1"></a><a href="#b1">l</a> <a href="https://x.example/?a=1&amp;b=2">e</a></p><p><br /></p>',
    ];
    for (const input of inputs) {
      const once = sanitiseHtml(input);
      const twice = sanitiseHtml(once.html);
      expect(twice).toEqual(once);
    }
  });

  it('normalises text to NFC and decodes numeric entities', () => {
    const { text } = sanitiseHtml('<p>a\u030A &#246; &#x00E4;</p>');
    expect(text).toBe('å ö ä');
  });
});
