/** @nlpjs/lang-sv ships no types; the assist engine uses its Snowball stemmer and stop words. */
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
  export class StopwordsSv {
    dictionary: Record<string, boolean>;
  }
}
