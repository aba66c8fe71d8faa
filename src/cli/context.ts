// What every command gets from main.ts: output streams and stdin, so commands can be tested
// without a process.

export interface CommandContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
}
