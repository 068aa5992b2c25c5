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

  it('normalises text to NFC and decodes numeric entities', () => {
    const { text } = sanitiseHtml('<p>a\u030A &#246; &#x00E4;</p>');
    expect(text).toBe('å ö ä');
  });
});
