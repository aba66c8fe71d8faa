// A small structured logger: fixed keys (url, source_id, stage, code), levels, one line per event.
// On a terminal it prints readable lines; otherwise JSON lines, for machines.

export type Level = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  level: Level,
  write: (line: string) => void = (l) => process.stderr.write(l),
  json = !process.stderr.isTTY,
): Logger {
  const emit = (lvl: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] > ORDER[level]) return;
    if (json) {
      write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
    } else {
      const kv = Object.entries(fields)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      write(`${lvl === 'info' ? '' : `${lvl}: `}${msg}${kv ? `  ${kv}` : ''}\n`);
    }
  };
  return {
    error: (m, f) => emit('error', m, f),
    warn: (m, f) => emit('warn', m, f),
    info: (m, f) => emit('info', m, f),
    debug: (m, f) => emit('debug', m, f),
  };
}
