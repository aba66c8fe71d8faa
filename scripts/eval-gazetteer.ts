// Quality of the gazetteer lookup on the hand-annotated texts of shared/corpus/analyse: for each
// gold entity (person, organisation, place), is one of its surfaces found by findMentions, and
// for places, does the resolved entity lie within the gold coordinate tolerance? Also lists the
// mentions that match no gold surface (a rough count of false positives: the gold leaves out
// names nested in longer names and common nouns, so some of these are fair).
//
//   npx tsx scripts/eval-gazetteer.ts [-v]
// Skipped with a message when shared/ is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGazetteer, resolveMentions } from '../src/analyse/gazetteer/index.js';
import { foldForSearch } from '../src/arabic/normalize.js';
import { REPO_ROOT } from './lib/paths.js';

const ANALYSE_DIR = resolve(REPO_ROOT, '../shared/corpus/analyse');
const verbose = process.argv.includes('-v');

interface GoldEntity {
  canonical_ar: string;
  kind: string;
  surfaces: string[];
  accept?: string[];
  coords?: [number, number];
  coords_tolerance_deg?: number;
}

function main(): void {
  const goldDir = join(ANALYSE_DIR, 'gold');
  if (!existsSync(goldDir)) {
    console.log(`eval-gazetteer: ${goldDir} is absent; skipped`);
    return;
  }
  const g = loadGazetteer();
  const totals: Record<string, { gold: number; found: number; placed: number }> = {};
  let unmatched = 0;
  let mentionsTotal = 0;
  for (const name of readdirSync(goldDir).sort()) {
    const id = name.replace(/\.json$/, '');
    const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as { entities: GoldEntity[] };
    const text = readFileSync(join(ANALYSE_DIR, 'texts', `${id}.txt`), 'utf8');
    const resolved = resolveMentions(g, g.findMentions(text));
    mentionsTotal += resolved.length;
    const bySurface = new Map<string, (typeof resolved)[number]>();
    for (const r of resolved) bySurface.set(foldForSearch(r.mention.surface), r);
    const goldSurfaces = new Set<string>();
    for (const e of gold.entities) {
      if (e.kind === 'other') continue;
      const forms = [...e.surfaces, ...(e.accept ?? [])].map(foldForSearch);
      for (const f of forms) goldSurfaces.add(f);
      totals[e.kind] ??= { gold: 0, found: 0, placed: 0 };
      const t = totals[e.kind];
      t.gold++;
      const hit = forms.map((f) => bySurface.get(f)).find((r) => r !== undefined);
      if (hit) t.found++;
      let placed = false;
      if (hit && e.kind === 'place' && e.coords && hit.id) {
        const ent = g.get(hit.id);
        const tol = e.coords_tolerance_deg ?? 0.5;
        placed =
          ent?.lat !== undefined &&
          Math.abs(ent.lat - e.coords[0]) <= tol &&
          Math.abs((ent.lon ?? 0) - e.coords[1]) <= tol;
        if (placed) t.placed++;
      }
      if (verbose && (!hit || (e.kind === 'place' && !placed))) {
        console.log(
          `  ${id}: ${e.kind} ${e.canonical_ar} ${hit ? `→ ${hit.id} (not within tolerance)` : 'not found'}`,
        );
      }
    }
    for (const r of resolved) {
      if (goldSurfaces.has(foldForSearch(r.mention.surface))) continue;
      unmatched++;
      if (verbose) console.log(`  ${id}: extra ${r.mention.surface} → ${r.id}`);
    }
  }
  for (const [kind, t] of Object.entries(totals)) {
    const placed = kind === 'place' ? `, within tolerance ${t.placed}` : '';
    console.log(`${kind}: ${t.found}/${t.gold} found (${((100 * t.found) / t.gold).toFixed(0)}%)${placed}`);
  }
  console.log(`mentions: ${mentionsTotal}, matching no gold surface: ${unmatched}`);
}

main();
