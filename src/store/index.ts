// The store's only door.
import { join } from 'node:path';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type * from './store.js';
export { StoreVersionError } from './store.js';
export { SqliteStore };

/** The database file inside a data directory. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'marsad.db');
}

/** Open the embedded store in `dataDir` (created if missing). */
export async function openStore(dataDir: string): Promise<Store> {
  return SqliteStore.open(databasePath(dataDir));
}
