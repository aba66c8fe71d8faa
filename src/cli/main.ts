// `marsad` entry: picks the command and wires the context. One file per command.

import { readFileSync } from 'node:fs';
import { readStdin } from '../lib/read-input.js';
import type { CommandContext } from './context.js';
import { extractHelp, runExtract } from './extract.js';

interface Command {
  summary: string;
  help: string;
  run: (args: string[], ctx: CommandContext) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  extract: { summary: 'turn news pages into clean articles with their provenance', help: extractHelp, run: runExtract },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Marsad (مرصد) — Arabic-first news monitoring

Usage: marsad <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help       show help (marsad <command> --help for a command)
  -v, --version    show the version

Example:
  marsad extract --format text page.html`;
}

export async function main(argv: string[], ctx: Partial<CommandContext> = {}): Promise<number> {
  const c: CommandContext = {
    stdout: ctx.stdout ?? ((s) => process.stdout.write(s)),
    stderr: ctx.stderr ?? ((s) => process.stderr.write(s)),
    readStdin: ctx.readStdin ?? readStdin,
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    if (name === 'help' && rest[0] && COMMANDS[rest[0]]) c.stdout(`${COMMANDS[rest[0]].help}\n`);
    else c.stdout(`${usage()}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    c.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    c.stderr(`marsad: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest, c);
}
