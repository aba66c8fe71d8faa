// After tsc: copy the non-TypeScript files the compiled code reads (SQL migrations).
import { cpSync } from 'node:fs';

cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true });
