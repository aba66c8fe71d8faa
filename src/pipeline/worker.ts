// Worker-thread entry: receives pages, answers processed pages. One task at a time.

import { parentPort } from 'node:worker_threads';
import { type PageInput, processPage } from './process-page.js';

interface Task {
  id: number;
  input: PageInput;
}

parentPort?.on('message', (task: Task) => {
  try {
    const result = processPage(task.input);
    parentPort?.postMessage({ id: task.id, result });
  } catch (err) {
    // processPage does not throw on bad pages; this is a bug, reported with its stack.
    parentPort?.postMessage({ id: task.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
