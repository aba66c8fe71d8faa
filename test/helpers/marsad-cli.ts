// Runs the marsad CLI from source (through tsx), for integration tests that spawn it.
import { main } from '../../src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 70;
  },
);
