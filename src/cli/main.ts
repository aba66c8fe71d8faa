// `marsad` entry: the command registry, global options, and the wiring of config, logger and
// store (built once here, closed here). One file per command.

import { loadConfig, optionFlags, optionsHelp } from '../config/options.js';
import { createLogger } from '../lib/log.js';
import { readStdin } from '../lib/read-input.js';
import { openStore, StoreVersionError } from '../store/index.js';
import { analyseHelp, runAnalyse } from './analyse.js';
import type { AppContext, CommandContext } from './context.js';
import { demoHelp, runDemo } from './demo.js';
import { extractHelp, runExtract } from './extract.js';
import { ingestHelp, runIngest } from './ingest.js';
import { reprocessHelp, runReprocess } from './reprocess.js';
import { runHelp, runRun } from './run.js';
import { marsadVersion } from './runtime.js';
import { runSearch, runShow, searchHelp, showHelp } from './search.js';
import { runSources, sourcesHelp } from './sources.js';
import { runStats, statsHelp } from './stats.js';
import { runTag, tagHelp } from './tag.js';

type Command =
  | {
      summary: string;
      help: string;
      store: false;
      run: (args: string[], ctx: CommandContext) => Promise<number>;
    }
  | { summary: string; help: string; store: true; run: (args: string[], ctx: AppContext) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  extract: {
    summary: 'turn news pages into clean articles with their provenance',
    help: extractHelp,
    store: false,
    run: runExtract,
  },
  analyse: {
    summary: 'entities, quotes, places and dates of an article or text',
    help: analyseHelp,
    store: false,
    run: runAnalyse,
  },
  tag: {
    summary: 'named-entity tags (PERS, LOC, ORG, MISC) for CoNLL tokens or text',
    help: tagHelp,
    store: false,
    run: runTag,
  },
  ingest: {
    summary: 'fetch and store pages, feeds, sitemaps, files, directories, WARCs',
    help: ingestHelp,
    store: true,
    run: runIngest,
  },
  sources: {
    summary: 'follow feeds and sitemaps: add, list, remove, OPML import/export',
    help: sourcesHelp,
    store: true,
    run: runSources,
  },
  run: {
    summary: 'check the sources on their schedules until stopped',
    help: runHelp,
    store: true,
    run: runRun,
  },
  reprocess: {
    summary: 're-run extraction and analysis on stored pages',
    help: reprocessHelp,
    store: true,
    run: runReprocess,
  },
  search: {
    summary: 'search the stored articles (Arabic-aware)',
    help: searchHelp,
    store: true,
    run: runSearch,
  },
  show: {
    summary: 'one stored article with its copies, entities and quotes',
    help: showHelp,
    store: true,
    run: runShow,
  },
  stats: { summary: 'what the data directory holds', help: statsHelp, store: true, run: runStats },
  demo: {
    summary: 'ingest the bundled sample sites from a local server (npm start)',
    help: demoHelp,
    store: true,
    run: runDemo,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Marsad (مرصد) — Arabic-first news monitoring

Usage: marsad <command> [options]

Commands:
${lines.join('\n')}

Options for every command that keeps data:
${optionsHelp()}
  -h, --help                   show help (marsad <command> --help for a command)
  -v, --version                show the version

Examples:
  marsad extract --format text page.html
  marsad ingest https://example.com/feed.xml
  marsad stats`;
}

/** Split argv into the global options of the table and the command's own arguments. */
function splitGlobal(argv: string[]): { flags: Record<string, string>; rest: string[] } {
  const known = new Set(Object.keys(optionFlags()));
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = a.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (m && known.has(m[1])) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new Error(`--${m[1]} needs a value`);
      flags[m[1]] = value;
    } else rest.push(a);
  }
  return { flags, rest };
}

export async function main(argv: string[], partial: Partial<CommandContext> = {}): Promise<number> {
  const c: CommandContext = {
    stdout: partial.stdout ?? ((s) => process.stdout.write(s)),
    stderr: partial.stderr ?? ((s) => process.stderr.write(s)),
    readStdin: partial.readStdin ?? readStdin,
    isTTY: partial.isTTY ?? Boolean(process.stderr.isTTY),
  };
  let split: ReturnType<typeof splitGlobal>;
  try {
    split = splitGlobal(argv);
  } catch (err) {
    c.stderr(`marsad: ${(err as Error).message}\n`);
    return 2;
  }
  const [name, ...rest] = split.rest;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    if (name === 'help' && rest[0] && COMMANDS[rest[0]]) c.stdout(`${COMMANDS[rest[0]].help}\n`);
    else c.stdout(`${usage()}\n`);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    c.stdout(`${marsadVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    c.stderr(`marsad: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  if (!command.store) return command.run(rest, c);
  if (rest.includes('--help') || rest.includes('-h')) {
    c.stdout(`${command.help}\n`);
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(split.flags);
  } catch (err) {
    c.stderr(`marsad: ${(err as Error).message}\n`);
    return 2;
  }
  const log = createLogger(config.logLevel, c.stderr, !c.isTTY);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(config.dataDir);
  } catch (err) {
    if (err instanceof StoreVersionError) c.stderr(`marsad: ${err.message}\n`);
    else c.stderr(`marsad: cannot open the data directory ${config.dataDir}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    return await command.run(rest, { ...c, config, log, store });
  } catch (err) {
    if (
      (err instanceof TypeError && /parseArgs|Unknown option|argument/i.test(String(err.message))) ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      c.stderr(`marsad ${name}: ${(err as Error).message}\n\n${command.help}\n`);
      return 2;
    }
    throw err;
  } finally {
    await store.close();
  }
}
