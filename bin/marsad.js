#!/usr/bin/env node
// The `marsad` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`marsad: internal error: ${err?.stack ?? err}`);
    process.exitCode = 70;
  },
);
