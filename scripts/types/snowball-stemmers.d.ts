// Types for the snowball-stemmers package (JavaScript only), used by scripts/eval-arabic.ts and
// scripts/bench-arabic.ts to compare our light stemmer with Snowball's Arabic stemmer.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowballFactory: {
    newStemmer(language: string): Stemmer;
    algorithms(): string[];
  };
  export default snowballFactory;
}
