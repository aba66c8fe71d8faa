// The comparison key of a name: the words two spellings of the same name share. Built on the
// search fold (src/arabic/normalize.ts: hamza forms, ى/ي, ة/ه and harakat already meet), then:
//   1. quotation marks and punctuation go (`تنظيم "الدولة"` = `تنظيم الدولة`);
//   2. `لل` at the start is `ل` + `ال` (`للاتحاد الأوروبي` = `الاتحاد الأوروبي`);
//   3. compound given names are written with or without a space: `عبدالعاطي` = `عبد العاطي`,
//      `عبدالله` = `عبد الله`, `نورالدين` = `نور الدين`, `أبوبكر` is left alone (no article);
//   4. the article goes from every word longer than four letters (`الصادق المهدي` = `صادق مهدي`),
//      so `المياه الجوفية` and `مياه جوفيه` meet. Four letters or fewer keep it (`الري`, `الله`).
// Known false positive: a name whose word really is `عبدال…` without a compound (none seen).

import { foldForSearch } from '../arabic/normalize.js';

const NOT_LETTER_OR_DIGIT_G = /[^\p{L}\p{N}]+/gu;
/** `عبد` + article + at least two letters, written as one word. */
const ABD_COMPOUND = /^(عبد)(ال..+)$/;
/** A given name + `الدين` written as one word (`نورالدين`, `عزالدين`); not `الوالدين`. */
const DIN_COMPOUND = /^((?!ال)..+)(الدين)$/;

/** The article-less form of one folded word (`الرقه` → `رقه`; `الري` stays). */
export function withoutArticle(word: string): string {
  return word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
}

/** Names seen lately and their words: an article repeats its names, and folding is not free. */
const cache = new Map<string, readonly string[]>();
/** Entries kept before the cache starts over (a few articles' worth). */
const CACHE_SIZE = 4096;

/** Folded words of a name, compounds split, before the article is dropped. Do not mutate. */
export function nameWords(name: string): readonly string[] {
  let words = cache.get(name);
  if (!words) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    words = computeNameWords(name);
    cache.set(name, words);
  }
  return words;
}

function computeNameWords(name: string): string[] {
  const words = foldForSearch(name).replace(NOT_LETTER_OR_DIGIT_G, ' ').trim().split(' ');
  if (words[0] === '') return [];
  if (words[0].startsWith('لل') && words[0].length > 4) words[0] = `ا${words[0].slice(1)}`;
  const out: string[] = [];
  for (const w of words) {
    const abd = ABD_COMPOUND.exec(w);
    const din = abd ? null : DIN_COMPOUND.exec(w);
    if (abd) out.push(abd[1], abd[2]);
    else if (din) out.push(din[1], din[2]);
    else out.push(w);
  }
  return out;
}

/**
 * The key tokens of a name: two surfaces with the same key are the same name.
 * @example nameKey('عبدالعاطي') // → ['عبد', 'عاطي'] (= nameKey('عبد العاطي'))
 * @example nameKey('قطاع المياة الجوفية') // → ['قطاع', 'مياه', 'جوفيه']
 */
export function nameKey(name: string): string[] {
  return nameWords(name).map(withoutArticle);
}
