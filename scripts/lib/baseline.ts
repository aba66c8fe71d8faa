// The extraction quality gate: floors pinned in scripts/baselines/extract.json. A floor may
// be raised to the current numbers (--update-baseline) but never lowered by a script: lowering
// one is a hand edit that shows in review (the trafilatura practice, STYLE.md).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Summary } from './score.js';

/** Minimums for the scores, and a maximum for leakage (mean over every page). */
export interface Floors {
  bodyF1: number;
  leakageMax: number;
  title: number;
  siteName: number;
  outlet: number;
  authors: number;
  date: number;
  isArticle: number;
}

/** Each floor, the summary number it bounds, and which way. */
const GATES: { floor: keyof Floors; metric: keyof Summary; kind: 'min' | 'max' }[] = [
  { floor: 'bodyF1', metric: 'bodyF1', kind: 'min' },
  { floor: 'leakageMax', metric: 'leakage', kind: 'max' },
  { floor: 'title', metric: 'title', kind: 'min' },
  { floor: 'siteName', metric: 'siteName', kind: 'min' },
  { floor: 'outlet', metric: 'outlet', kind: 'min' },
  { floor: 'authors', metric: 'authors', kind: 'min' },
  { floor: 'date', metric: 'date', kind: 'min' },
  { floor: 'isArticle', metric: 'isArticle', kind: 'min' },
];

/**
 * Floors are stored to this many decimals, rounded in the lenient direction, so a re-run that
 * differs in the last float bit does not fail the gate it just set.
 */
const FLOOR_DECIMALS = 3;

export function readFloors(path: string): Floors {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const missing = GATES.filter((g) => typeof raw[g.floor] !== 'number').map((g) => g.floor);
  if (missing.length > 0) throw new Error(`${path}: missing or non-numeric floors: ${missing.join(', ')}`);
  return raw as unknown as Floors;
}

export function writeFloors(path: string, floors: Floors): void {
  writeFileSync(path, `${JSON.stringify(floors, null, 2)}\n`);
}

export interface GateLine {
  floor: keyof Floors;
  bound: number;
  current: number | null;
  ok: boolean;
}

/** Every floor against the summary; a metric with no qualifying page passes (nothing to judge). */
export function checkFloors(floors: Floors, summary: Summary): GateLine[] {
  return GATES.map(({ floor, metric, kind }) => {
    const current = summary[metric] as number | null;
    const bound = floors[floor];
    const ok = current === null || (kind === 'min' ? current >= bound : current <= bound);
    return { floor, bound, current, ok };
  });
}

/**
 * The floors raised to the current numbers (rounded leniently), never lowered. Returns null
 * when any current number is already outside its floor: the caller must refuse.
 */
export function raiseFloors(floors: Floors, summary: Summary): { next: Floors; changed: string[] } | null {
  const lines = checkFloors(floors, summary);
  if (lines.some((l) => !l.ok)) return null;
  const next = { ...floors };
  const changed: string[] = [];
  const scale = 10 ** FLOOR_DECIMALS;
  for (const { floor, kind } of GATES) {
    const current = lines.find((l) => l.floor === floor)?.current ?? null;
    if (current === null) continue;
    const candidate =
      kind === 'min' ? Math.floor(current * scale) / scale : Math.ceil(current * scale) / scale;
    const tighter = kind === 'min' ? candidate > floors[floor] : candidate < floors[floor];
    if (tighter) {
      changed.push(`${floor}: ${floors[floor]} → ${candidate}`);
      next[floor] = candidate;
    }
  }
  return { next, changed };
}
