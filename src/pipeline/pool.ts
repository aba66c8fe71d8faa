// A pool of worker threads running processPage, so extraction and analysis stay off the main
// thread (which fetches and writes the store). A task that runs too long has its worker
// replaced and fails with a clear error; a crashed worker is replaced too.

import { Worker } from 'node:worker_threads';
import type { PageInput, ProcessedPage } from './process-page.js';

/** A page that takes longer than this is abandoned (extraction is normally < 50 ms). */
const TASK_TIMEOUT_MS = 60_000;

interface Pending {
  id: number;
  input: PageInput;
  resolve: (r: ProcessedPage) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** The worker: the compiled worker.js, or — under tsx (tests, scripts) — a small bootstrap that
 * registers tsx in the worker thread first (loader flags do not reach workers). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here));
  const target = JSON.stringify(new URL('./worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${target}); });`, {
    eval: true,
  });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (msg: { id: number; result?: ProcessedPage; error?: string }) => {
      const t = slot.task;
      if (!t || t.id !== msg.id) return;
      this.release(slot);
      if (msg.error) t.reject(new Error(`pipeline.bug: ${msg.error}`));
      else t.resolve(msg.result!);
      this.pump();
    });
    worker.on('error', (err) => this.replace(slot, new Error(`pipeline.worker-crashed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(slot, new Error(`pipeline.worker-exited: code ${code}`));
    });
    worker.unref();
    return slot;
  }

  private release(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private replace(slot: Slot, err: Error) {
    const t = slot.task;
    this.release(slot);
    void slot.worker.terminate();
    if (t) t.reject(err);
    if (this.closed) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
    this.pump();
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const t = this.queue.shift()!;
      slot.task = t;
      slot.timer = setTimeout(
        () =>
          this.replace(
            slot,
            new Error(`pipeline.timeout: ${t.input.url} took over ${TASK_TIMEOUT_MS / 1000} s`),
          ),
        TASK_TIMEOUT_MS,
      );
      slot.worker.postMessage({ id: t.id, input: t.input });
    }
  }

  /** Process one page in a worker. */
  run(input: PageInput): Promise<ProcessedPage> {
    if (this.closed) return Promise.reject(new Error('pipeline.closed: the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.pump();
    });
  }

  get busy(): number {
    return this.slots.filter((s) => s.task).length + this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('pipeline.closed: the worker pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
