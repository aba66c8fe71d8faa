// Worker-thread entry: receives pages, answers processed pages. One task at a time.

import { parentPort } from 'node:worker_threads';
import { analyseText } from '../analyse/index.js';
import type { Analyse, PageInput } from './process-page.js';
import { processPage } from './process-page.js';

/** Analysis as the store keeps it: offsets into the article's text. */
const analyse: Analyse = (article) => {
  const a = analyseText(article.text, { published: article.published });
  return {
    mentions: a.mentions,
    quotes: a.quotes,
    entities: a.entities.map(({ surfaces: _s, role: _r, count: _c, ...entity }) => entity),
  };
};

interface Task {
  id: number;
  input: PageInput;
}

parentPort?.on('message', (task: Task) => {
  try {
    const result = processPage(task.input, analyse);
    parentPort?.postMessage({ id: task.id, result });
  } catch (err) {
    // processPage does not throw on bad pages; this is a bug, reported with its stack.
    parentPort?.postMessage({
      id: task.id,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
