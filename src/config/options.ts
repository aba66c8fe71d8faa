// The one options table: every setting with its flag, environment variable, default, validator
// and doc. `--help` and the README's configuration table are generated from it.

import { availableParallelism } from 'node:os';

export interface OptionSpec<T> {
  flag: string;
  env: string;
  doc: string;
  default: () => T;
  parse: (raw: string) => T;
  valueName?: string;
}

const int = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`expected an integer from ${min} to ${max}, got "${raw}"`);
  return n;
};

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const OPTIONS = {
  dataDir: {
    flag: 'data-dir',
    env: 'MARSAD_DATA_DIR',
    valueName: 'DIR',
    doc: 'where the database and raw pages are kept',
    default: () => './marsad-data',
    parse: (raw: string) => raw,
  } satisfies OptionSpec<string>,
  logLevel: {
    flag: 'log-level',
    env: 'MARSAD_LOG_LEVEL',
    valueName: 'LEVEL',
    doc: `log detail: ${LOG_LEVELS.join(', ')}`,
    default: (): LogLevel => 'info',
    parse: (raw: string): LogLevel => {
      if (!(LOG_LEVELS as readonly string[]).includes(raw))
        throw new Error(`expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
      return raw as LogLevel;
    },
  } satisfies OptionSpec<LogLevel>,
  contactUrl: {
    flag: 'contact-url',
    env: 'MARSAD_CONTACT_URL',
    valueName: 'URL',
    doc: 'a URL or e-mail naming who runs this crawler, sent in the User-Agent',
    default: () => 'https://example.org/marsad-operator',
    parse: (raw: string) => raw,
  } satisfies OptionSpec<string>,
  concurrency: {
    flag: 'concurrency',
    env: 'MARSAD_CONCURRENCY',
    valueName: 'N',
    doc: 'pages fetched at once over all hosts',
    default: () => 16,
    parse: int(1, 256),
  } satisfies OptionSpec<number>,
  hostConcurrency: {
    flag: 'host-concurrency',
    env: 'MARSAD_HOST_CONCURRENCY',
    valueName: 'N',
    doc: 'pages fetched at once from one host',
    default: () => 2,
    parse: int(1, 64),
  } satisfies OptionSpec<number>,
  hostDelayMs: {
    flag: 'host-delay',
    env: 'MARSAD_HOST_DELAY_MS',
    valueName: 'MS',
    doc: 'milliseconds between two requests to one host (robots.txt Crawl-delay can raise it)',
    default: () => 1000,
    parse: int(0, 600_000),
  } satisfies OptionSpec<number>,
  workers: {
    flag: 'workers',
    env: 'MARSAD_WORKERS',
    valueName: 'N',
    doc: 'worker threads for extraction and analysis (default: cores − 1, at least 1)',
    default: () => Math.max(1, availableParallelism() - 1),
    parse: int(1, 64),
  } satisfies OptionSpec<number>,
} as const;

export type Config = { [K in keyof typeof OPTIONS]: ReturnType<(typeof OPTIONS)[K]['default']> };

/** Flags of the options table for node:util parseArgs. */
export function optionFlags(): Record<string, { type: 'string' }> {
  const out: Record<string, { type: 'string' }> = {};
  for (const spec of Object.values(OPTIONS)) out[spec.flag] = { type: 'string' };
  return out;
}

/** Build the config: flag, else environment variable, else default. Throws with a clear message on a bad value. */
export function loadConfig(flags: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(OPTIONS) as Array<[keyof Config, OptionSpec<unknown>]>) {
    const raw = flags[spec.flag] ?? env[spec.env];
    if (raw === undefined || raw === '') {
      out[key] = spec.default();
      continue;
    }
    try {
      out[key] = spec.parse(String(raw));
    } catch (err) {
      throw new Error(`--${spec.flag} / ${spec.env}: ${(err as Error).message}`);
    }
  }
  return out as Config;
}

/** The options as help text lines. */
export function optionsHelp(): string {
  return Object.values(OPTIONS)
    .map(
      (s: OptionSpec<unknown>) =>
        `      --${`${s.flag} ${s.valueName ?? ''}`.padEnd(22)} ${s.doc} (env ${s.env})`,
    )
    .join('\n');
}

/** The options as a Markdown table, for the README. */
export function optionsMarkdown(): string {
  const rows = Object.values(OPTIONS).map((s: OptionSpec<unknown>) => {
    const d = s.default();
    return `| \`--${s.flag}\` | \`${s.env}\` | ${s.flag === 'workers' ? 'cores − 1' : `\`${String(d)}\``} | ${s.doc} |`;
  });
  return ['| flag | environment | default | what |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
