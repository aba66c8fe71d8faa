// Evaluates the Arabic text core: clitic segmentation and light stemming against the hand-written
// gold (test/fixtures/arabic/segmentation-gold.tsv), side by side with Snowball's Arabic stemmer,
// and language detection on the shared corpus (titles and bodies) plus a few sentences of our own.
//
//   npm run eval:arabic
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import snowballFactory from 'snowball-stemmers';
import { detectLanguage, segment, stem } from '../src/arabic/index.js';
import { loadCorpus } from './lib/corpus.js';
import { DEFAULT_CORPUS_DIR, REPO_ROOT } from './lib/paths.js';

const GOLD_PATH = resolve(REPO_ROOT, 'test/fixtures/arabic/segmentation-gold.tsv');
/** How many mistakes of each kind to print. */
const SHOW_ERRORS = 40;

interface GoldRow {
  /** 'dev' rows were looked at while the word lists were written; 'held-out' rows were not. */
  split: 'dev' | 'held-out';
  word: string;
  proclitics: string;
  stem: string;
  enclitics: string;
  lightstem: string;
}

function readGold(path: string): GoldRow[] {
  const rows: GoldRow[] = [];
  let split: GoldRow['split'] = 'dev';
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# --- held-out')) split = 'held-out';
    if (line === '' || line.startsWith('#') || line.startsWith('word\t')) continue;
    const [word, proclitics, stemCol, enclitics, lightstem] = line.split('\t');
    rows.push({ split, word, proclitics, stem: stemCol, enclitics, lightstem });
  }
  return rows;
}

function pct(n: number, d: number, digits = 1): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(digits)}%`;
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Pair counts for a stemmer's output against the gold light stems. */
function conflation(
  rows: GoldRow[],
  output: string[],
): { sameGold: number; sameGoldConflated: number; diffGold: number; diffGoldConflated: number } {
  const byGold = new Map<string, number>();
  const byOut = new Map<string, number>();
  const byBoth = new Map<string, number>();
  rows.forEach((r, i) => {
    byGold.set(r.lightstem, (byGold.get(r.lightstem) ?? 0) + 1);
    byOut.set(output[i], (byOut.get(output[i]) ?? 0) + 1);
    const both = `${r.lightstem}\u0000${output[i]}`;
    byBoth.set(both, (byBoth.get(both) ?? 0) + 1);
  });
  let sameGold = 0;
  for (const n of byGold.values()) sameGold += pairs(n);
  let conflated = 0;
  for (const n of byOut.values()) conflated += pairs(n);
  let sameGoldConflated = 0;
  for (const n of byBoth.values()) sameGoldConflated += pairs(n);
  return {
    sameGold,
    sameGoldConflated,
    diffGold: pairs(rows.length) - sameGold,
    diffGoldConflated: conflated - sameGoldConflated,
  };
}

function evalSegmentation(rows: GoldRow[], label: string): void {
  let exact = 0;
  let pro = 0;
  let stm = 0;
  let enc = 0;
  const wrong: string[] = [];
  for (const r of rows) {
    const s = segment(r.word);
    const p = s.proclitics.join('+') || '-';
    const e = s.enclitics.join('+') || '-';
    const okP = p === r.proclitics;
    const okS = s.stem === r.stem;
    const okE = e === r.enclitics;
    if (okP) pro++;
    if (okS) stm++;
    if (okE) enc++;
    if (okP && okS && okE) exact++;
    else wrong.push(`${r.word}: got ${p}|${s.stem}|${e}, gold ${r.proclitics}|${r.stem}|${r.enclitics}`);
  }
  const n = rows.length;
  console.log(`\n## Segmentation, ${label} (${n} gold words)`);
  console.log(`segmentation exact [${label}]: ${pct(exact, n)} (${exact}/${n})`);
  console.log(`  proclitics: ${pct(pro, n)}  stem: ${pct(stm, n)}  enclitics: ${pct(enc, n)}`);
  console.log(`segmentation errors (${wrong.length}, first ${Math.min(SHOW_ERRORS, wrong.length)}):`);
  for (const w of wrong.slice(0, SHOW_ERRORS)) console.log(`  ${w}`);
}

function evalStemming(rows: GoldRow[], label: string): void {
  const snowball = snowballFactory.newStemmer('arabic');
  const ours = rows.map((r) => stem(r.word));
  const theirs = rows.map((r) => snowball.stem(r.word));
  const n = rows.length;
  const oursRight = rows.filter((r, i) => ours[i] === r.lightstem).length;
  const theirsRight = rows.filter((r, i) => theirs[i] === r.lightstem).length;
  console.log(`\n## Light stemming, ${label} (${n} gold words)`);
  console.log(
    `light-stem exact [${label}]: ours ${pct(oursRight, n)} (${oursRight}/${n})  snowball ${pct(theirsRight, n)} (not the same convention)`,
  );
  const a = conflation(rows, ours);
  const b = conflation(rows, theirs);
  console.log(`conflation [${label}], pairs the gold puts together (${a.sameGold} pairs):`);
  console.log(
    `  ours ${pct(a.sameGoldConflated, a.sameGold)}  snowball ${pct(b.sameGoldConflated, b.sameGold)}`,
  );
  console.log(`wrong conflation [${label}], pairs the gold keeps apart (${a.diffGold} pairs):`);
  console.log(
    `  ours ${pct(a.diffGoldConflated, a.diffGold, 3)} (${a.diffGoldConflated})  snowball ${pct(b.diffGoldConflated, b.diffGold, 3)} (${b.diffGoldConflated})`,
  );
  const wrong = rows
    .map((r, i) => ({ r, got: ours[i], sb: theirs[i] }))
    .filter(({ r, got }) => got !== r.lightstem)
    .map(({ r, got, sb }) => `${r.word}: ours ${got}, gold ${r.lightstem}, snowball ${sb}`);
  console.log(`light-stem errors (${wrong.length}, first ${Math.min(SHOW_ERRORS, wrong.length)}):`);
  for (const w of wrong.slice(0, SHOW_ERRORS)) console.log(`  ${w}`);
}

/** Sentences written for Marsad, one per language, titles and body-like lines. */
const OWN_SENTENCES: Array<[string, string]> = [
  ['en', 'The foreign minister said on Monday that talks would resume next week.'],
  ['en', 'Protesters gathered in the capital despite the curfew'],
  ['en', 'Oil prices fall as demand weakens in Asia'],
  ['fr', 'Le ministre des Affaires étrangères a déclaré lundi que les négociations reprendront.'],
  ['fr', 'Des manifestants se sont rassemblés dans la capitale malgré le couvre-feu'],
  ['fr', 'Les prix du pétrole baissent avec la demande en Asie'],
  ['fa', 'وزیر امور خارجه ایران گفت که مذاکرات هفته آینده از سر گرفته می‌شود.'],
  ['fa', 'معترضان با وجود منع آمد و شد در پایتخت تجمع کردند'],
  ['fa', 'قیمت نفت با کاهش تقاضا در آسیا پایین آمد'],
  ['ur', 'وزیر خارجہ نے کہا کہ مذاکرات اگلے ہفتے دوبارہ شروع ہوں گے۔'],
  ['ur', 'مظاہرین کرفیو کے باوجود دارالحکومت میں جمع ہو گئے'],
  ['ur', 'ایشیا میں طلب کم ہونے سے تیل کی قیمتیں گر گئیں'],
  ['ar', 'قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل.'],
  ['ar', 'تجمع المحتجون في العاصمة رغم حظر التجول'],
  ['ar', 'أسعار النفط تتراجع مع ضعف الطلب في آسيا'],
];

function evalLanguage(): void {
  console.log('\n## Language detection');
  const pages = loadCorpus(DEFAULT_CORPUS_DIR);
  if (pages === null) {
    console.log(`corpus not found at ${DEFAULT_CORPUS_DIR}: skipping the corpus part`);
  } else {
    const report = (label: string, items: Array<{ id: string; text: string; want: string }>): void => {
      const wrong = items
        .map((x) => ({ ...x, got: detectLanguage(x.text) }))
        .filter((x) => x.got.language !== x.want);
      console.log(
        `language ${label}: ${pct(items.length - wrong.length, items.length)} (${items.length - wrong.length}/${items.length})`,
      );
      for (const w of wrong)
        console.log(
          `  ${w.id}: got ${w.got.language} (${w.got.confidence}), want ${w.want}: ${w.text.slice(0, 60)}`,
        );
    };
    const titles = pages
      .filter((p) => p.truth.title !== null && p.truth.language !== null)
      .map((p) => ({ id: p.id, text: p.truth.title as string, want: p.truth.language as string }));
    const bodies = pages
      .filter((p) => p.truth.with.length > 0 && p.truth.language !== null)
      .map((p) => ({ id: p.id, text: p.truth.with.join('\n'), want: p.truth.language as string }));
    report('corpus titles', titles);
    report('corpus bodies', bodies);
  }
  const own = OWN_SENTENCES.map(([want, text], i) => ({ id: `own-${i + 1}`, text, want }));
  const wrong = own
    .map((x) => ({ ...x, got: detectLanguage(x.text) }))
    .filter((x) => x.got.language !== x.want);
  console.log(
    `language own sentences (en/fr/fa/ur/ar): ${pct(own.length - wrong.length, own.length)} (${own.length - wrong.length}/${own.length})`,
  );
  for (const w of wrong) console.log(`  ${w.id}: got ${w.got.language}, want ${w.want}: ${w.text}`);
}

const rows = readGold(GOLD_PATH);
console.log('# eval:arabic');
const dev = rows.filter((r) => r.split === 'dev');
const heldOut = rows.filter((r) => r.split === 'held-out');
evalSegmentation(dev, 'dev');
evalSegmentation(heldOut, 'held-out');
evalStemming(dev, 'dev');
evalStemming(heldOut, 'held-out');
evalStemming(rows, 'all');
evalLanguage();
