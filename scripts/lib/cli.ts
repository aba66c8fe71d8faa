// A small options table for the eval/bench scripts: one row per flag gives the parser and
// the --help text together (STYLE.md practice 13), on top of node:util parseArgs.
import { parseArgs } from 'node:util';

export interface FlagSpec {
  /** Long name without the dashes, e.g. `corpus`. */
  name: string;
  type: 'string' | 'boolean';
  /** Shown in --help after the flag, e.g. `DIR`. */
  valueName?: string;
  help: string;
}

export interface CliSpec {
  /** The npm script or command line, e.g. `npm run eval:extract --`. */
  usage: string;
  /** One paragraph shown above the flags. */
  summary: string;
  flags: FlagSpec[];
  /** Paragraphs shown after the flags (exit codes, notes). */
  epilogue?: string;
}

export type ParsedFlags = Record<string, string | boolean | undefined>;

/** Renders --help from the table. */
export function formatHelp(spec: CliSpec): string {
  const rows = [...spec.flags, { name: 'help', type: 'boolean', help: 'show this help' } as FlagSpec].map(
    (f) => [`--${f.name}${f.valueName ? ` ${f.valueName}` : ''}`, f.help] as const,
  );
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = [`Usage: ${spec.usage} [options]`, '', spec.summary, '', 'Options:'];
  for (const [left, help] of rows) lines.push(`  ${left.padEnd(width)}  ${help}`);
  if (spec.epilogue) lines.push('', spec.epilogue);
  return lines.join('\n');
}

/**
 * Parses argv against the table. Unknown flags and stray positionals are usage errors:
 * the message is returned, not thrown, so the caller can print it with the help.
 *
 * @example parseFlags(spec, ['--page', 'x']) // → { ok: true, flags: { page: 'x' } }
 */
export function parseFlags(
  spec: CliSpec,
  argv: string[],
): { ok: true; flags: ParsedFlags } | { ok: false; message: string } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const f of spec.flags) options[f.name] = { type: f.type };
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    return { ok: true, flags: values as ParsedFlags };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads a non-negative numeric flag: null when absent; when malformed, null and a message
 * appended to `problems`, so a caller can check every flag and report them together.
 *
 * @example numberFlag({ passes: '3' }, 'passes', problems) // → 3
 */
export function numberFlag(flags: ParsedFlags, name: string, problems: string[]): number | null {
  const raw = flags[name];
  if (raw === undefined) return null;
  const value = Number(raw);
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(value) && value >= 0) return value;
  problems.push(`--${name} needs a non-negative number, got ${JSON.stringify(raw)}`);
  return null;
}

/**
 * The flags, or the exit code when there is nothing to run: --help printed (0), or a usage error
 * printed with the help (2). `name` prefixes the error (`eval:extract: unknown flag …`).
 */
export function readFlags(spec: CliSpec, argv: string[], name: string): ParsedFlags | number {
  const parsed = parseFlags(spec, argv);
  if (!parsed.ok) {
    console.error(`${name}: ${parsed.message}\n\n${formatHelp(spec)}`);
    return 2;
  }
  if (parsed.flags.help) {
    console.log(formatHelp(spec));
    return 0;
  }
  return parsed.flags;
}
