// The NER tagger as the rest of Marsad uses it: load the shipped weights and resources once,
// then tag token lists, sentence lists (one document) or raw text (spans with offsets).

import { readFileSync } from 'node:fs';
import { splitSentences } from '../../arabic/sentences.js';
import { tokenize } from '../../arabic/tokens.js';
import type { NerType } from '../../model/index.js';
import { bioToSpans, type NerTag } from './conll.js';
import { deserializeModel, type NerModel, tagDocument } from './model.js';
import { DATA_DIR, loadNerResources, type NerResources } from './resources.js';

/** The shipped weights (scripts/train-ner.ts writes them). */
export const DEFAULT_MODEL_URL = new URL('ner/model.json.gz', DATA_DIR);

export interface NerSpan {
  /** UTF-16 offsets into the tagged text, end exclusive. */
  start: number;
  end: number;
  type: NerType;
  text: string;
}

export interface TagOptions {
  /**
   * Sentences around the tagged one, for the document-consistency pass (a name tagged in one
   * sentence helps with the same name in the next). Default: none.
   */
  context?: ReadonlyArray<readonly string[]>;
}

export interface Tagger {
  readonly model: NerModel;
  /** BIO tags of one sentence's tokens. */
  tagTokens(tokens: readonly string[], options?: TagOptions): NerTag[];
  /** BIO tags of the sentences of one document, tagged together. */
  tagSentences(sentences: ReadonlyArray<readonly string[]>): NerTag[][];
  /** Entity spans of a text: sentences split, tokenised and tagged as one document. */
  tagText(text: string): NerSpan[];
}

export interface LoadTaggerOptions {
  /** Model file (gzip'd JSON); default data/ner/model.json.gz. */
  model?: URL | string;
  /** Already-trained model (tests, scripts/eval-ner.ts). */
  trained?: NerModel;
  resources?: NerResources;
}

/**
 * Loads the tagger. Throws when the model file is missing or unreadable: a broken install, not
 * a property of the input.
 *
 * @example
 * const tagger = loadTagger();
 * tagger.tagTokens(['قال', 'الرئيس', 'جورج', 'بوش']) // → ['O', 'O', 'B-PERS', 'I-PERS']
 */
export function loadTagger(options: LoadTaggerOptions = {}): Tagger {
  const model = options.trained ?? deserializeModel(readFileSync(options.model ?? DEFAULT_MODEL_URL));
  const resources = options.resources ?? loadNerResources();
  const tagSentences = (sentences: ReadonlyArray<readonly string[]>) =>
    tagDocument(model, resources, sentences) as NerTag[][];
  return {
    model,
    tagSentences,
    tagTokens(tokens, opts = {}) {
      if (tokens.length === 0) return [];
      const context = opts.context ?? [];
      const tags = tagSentences([tokens, ...context]);
      return tags[0];
    },
    tagText(text) {
      const sentences = splitSentences(text).map((s) =>
        tokenize(text.slice(s.start, s.end)).map((t) => ({
          ...t,
          start: t.start + s.start,
          end: t.end + s.start,
        })),
      );
      const nonEmpty = sentences.filter((s) => s.length > 0);
      const tags = tagSentences(nonEmpty.map((s) => s.map((t) => t.text)));
      const spans: NerSpan[] = [];
      nonEmpty.forEach((tokens, j) => {
        for (const span of bioToSpans(tags[j])) {
          const start = tokens[span.start].start;
          const end = tokens[span.end - 1].end;
          spans.push({ start, end, type: span.type as NerType, text: text.slice(start, end) });
        }
      });
      return spans;
    },
  };
}
