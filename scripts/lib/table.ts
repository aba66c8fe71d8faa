// Plain-text tables for script output. Cells are measured in code points, which is right for
// the ASCII, ✓/✗ and numbers the tables hold (Arabic text goes in the failure lists instead).

export type Align = 'left' | 'right';

/** Renders rows under a header, columns padded, a rule under the header. */
export function renderTable(header: string[], rows: string[][], align: Align[] = []): string {
  const width = header.map((h, i) => Math.max(length(h), ...rows.map((r) => length(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, width[i], align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function length(s: string): number {
  return [...s].length;
}

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - length(s)));
  return align === 'right' ? fill + s : s + fill;
}

/** A fraction as `0.912`, or `·` when there is nothing to measure. */
export function fraction(value: number | null): string {
  return value === null ? '·' : value.toFixed(3);
}

/** A signed difference as `+0.120` / `-0.050`. */
export function signed(value: number | null): string {
  if (value === null) return '·';
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}

/** ✓ / ✗, or `·` when the check does not apply to the page. */
export function mark(ok: boolean | null): string {
  return ok === null ? '·' : ok ? '✓' : '✗';
}
