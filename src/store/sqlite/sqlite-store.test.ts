import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { runStoreContract } from '../contract.js';
import { StoreVersionError } from '../store.js';
import { readMigrations, SqliteStore } from './sqlite-store.js';

runStoreContract('sqlite (file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  return SqliteStore.open(join(dir, 'marsad.db'));
});

test('sqlite: a database from a newer Marsad is refused with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'marsad.db');
  SqliteStore.open(path).close();
  const db = new Database(path);
  db.prepare("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x')").run();
  db.close();
  assert.throws(
    () => SqliteStore.open(path),
    (e: unknown) => e instanceof StoreVersionError && e.code === 'store.too-new',
  );
  rmSync(dir, { recursive: true });
});

test('sqlite: migrations are applied once, in order, and recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'marsad.db');
  SqliteStore.open(path).close();
  SqliteStore.open(path).close();
  const db = new Database(path);
  const rows = db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>;
  assert.deepEqual(
    rows.map((r) => r.version),
    readMigrations().map((m) => m.version),
  );
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  rmSync(dir, { recursive: true });
});
