// What every command gets from main.ts: output streams and stdin, and — for commands that keep
// data — the config, a logger and the store, built in one place (main.ts) and closed there.

import type { Config } from '../config/options.js';
import type { Logger } from '../lib/log.js';
import type { Store } from '../store/index.js';

export interface CommandContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  /** True when stderr is a terminal (progress bars instead of log lines). */
  isTTY?: boolean;
}

export interface AppContext extends CommandContext {
  config: Config;
  log: Logger;
  store: Store;
}
