// eval:extract — scores Marsad's extractArticle on the shared Arabic news corpus
// (shared/corpus/extract/dev, see its README), side by side with Readability as people
// usually run it, and gates Marsad on the floors in scripts/baselines/extract.json.
//
//   npm run eval:extract                 per-page table, overall table, Marsad's failures, gate
//   npm run eval:extract -- --page ID    one page, with Marsad's full Article
//   npm run eval:extract -- --json       the summary as JSON on stdout
import { writeFileSync } from 'node:fs';
import type { Article } from '../src/model/article.js';
import {
  checkFloors,
  type Floors,
  type GateLine,
  raiseFloors,
  readFloors,
  writeFloors,
} from './lib/baseline.js';
import { type CliSpec, readFlags } from './lib/cli.js';
import { type CorpusPage, loadCorpus, type Truth } from './lib/corpus.js';
import { type BaselineDecoding, decodeForBaseline } from './lib/decode.js';
import { type ExtractArticle, loadExtractArticle } from './lib/marsad.js';
import { DEFAULT_CORPUS_DIR, EXTRACT_BASELINE_PATH } from './lib/paths.js';
import { runReadabilityJsdom } from './lib/readability.js';
import {
  type FieldCheck,
  type PageScore,
  type Summary,
  type SystemOutput,
  scorePage,
  summarise,
} from './lib/score.js';
import { fraction, mark, renderTable, signed } from './lib/table.js';

const CLI: CliSpec = {
  usage: 'npm run eval:extract --',
  summary: [
    'Scores Marsad (extractArticle on the raw bytes) and Readability (jsdom + isProbablyReaderable +',
    'parse, on text decoded by BOM / <meta charset> / UTF-8) on every page of the corpus: body',
    'F1 from `with`/`without` snippets, title, site name, outlet, authors, date and isArticle.',
    'Then checks Marsad against the floors in scripts/baselines/extract.json.',
  ].join('\n'),
  flags: [
    {
      name: 'corpus',
      type: 'string',
      valueName: 'DIR',
      help: `corpus directory (default ${DEFAULT_CORPUS_DIR})`,
    },
    {
      name: 'page',
      type: 'string',
      valueName: 'ID',
      help: "score one page and print Marsad's full Article (no gate)",
    },
    { name: 'json', type: 'boolean', help: 'print the summary as JSON on stdout instead of the tables' },
    { name: 'out', type: 'string', valueName: 'FILE', help: 'also write the JSON summary to FILE' },
    {
      name: 'update-baseline',
      type: 'boolean',
      help: 'raise the floors to the current numbers (never lowers; refuses when below a floor)',
    },
  ],
  epilogue: [
    'Body metrics: snippets are matched in the body after entity unescaping and whitespace',
    'collapse (strict, the number that counts); "loose" also removes all whitespace. Body F1 =',
    'harmonic mean of (1 − leakage) and with-recall, mean over article pages. The leakageMax',
    'floor caps the mean leakage over every page (articles and listings). Authors and date are',
    'scored on article pages, the rest on every page. Dates compare at the truth precision',
    '(date only / local time to the minute / instant to the second).',
    '',
    'Exit status: 0 floors met (or corpus absent: skipped), 1 below a floor or update refused,',
    '2 usage error or Marsad could not be loaded.',
  ].join('\n'),
};

/** One page run through both systems and scored. */
interface PageRun {
  page: CorpusPage;
  marsad: { article: Article | null; error: string | null; ms: number; score: PageScore };
  readability: {
    decoding: BaselineDecoding;
    error: string | null;
    ms: number;
    output: SystemOutput;
    score: PageScore;
  };
}

const EMPTY_OUTPUT: SystemOutput = {
  isArticle: false,
  title: null,
  siteName: null,
  outlet: null,
  authors: [],
  published: null,
  text: '',
};

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(CLI, argv, 'eval:extract');
  if (typeof flags === 'number') return flags;
  const pageId = typeof flags.page === 'string' ? flags.page : null;
  if (pageId !== null && flags['update-baseline']) {
    console.error('eval:extract: --update-baseline needs the whole corpus, not --page');
    return 2;
  }

  const corpusDir = typeof flags.corpus === 'string' ? flags.corpus : DEFAULT_CORPUS_DIR;
  const corpus = loadCorpus(corpusDir);
  if (corpus === null) {
    console.log(
      `eval:extract: skipped — no corpus at ${corpusDir} (the shared corpus lives outside the repository).`,
    );
    return 0;
  }
  const pages = pageId === null ? corpus : corpus.filter((p) => p.id === pageId);
  if (pages.length === 0) {
    console.error(
      `eval:extract: no page ${JSON.stringify(pageId)} in ${corpusDir}; pages:\n  ${corpus.map((p) => p.id).join('\n  ')}`,
    );
    return 2;
  }

  const loaded = await loadExtractArticle();
  if (!loaded.ok) {
    console.error(`eval:extract: ${loaded.message}`);
    return 2;
  }

  const runs = pages.map((page) => runPage(page, loaded.extractArticle));
  const overall = {
    marsad: summarise(runs.map((r) => r.marsad.score)),
    readability: summarise(runs.map((r) => r.readability.score)),
  };
  const floors = readFloors(EXTRACT_BASELINE_PATH);
  const gate = pageId === null ? checkFloors(floors, overall.marsad) : null;

  const json = summaryJson(corpusDir, runs, overall, gate);
  if (typeof flags.out === 'string') writeFileSync(flags.out, `${JSON.stringify(json, null, 2)}\n`);
  if (flags.json) console.log(JSON.stringify(json, null, 2));
  else printReport(corpusDir, runs, overall, pageId !== null);

  // Gate messages go to stderr under --json so stdout stays parseable.
  const say = flags.json ? console.error : console.log;
  if (gate === null) {
    say('\nGate: not checked for a single page.');
    return 0;
  }
  if (flags['update-baseline']) return updateBaseline(floors, overall.marsad, say);
  return reportGate(gate, say);
}

function runPage(page: CorpusPage, extractArticle: ExtractArticle): PageRun {
  const { truth, bytes } = page;

  let article: Article | null = null;
  let marsadError: string | null = null;
  const m0 = performance.now();
  try {
    article = extractArticle(bytes, { url: truth.url });
  } catch (error) {
    marsadError = describe(error);
  }
  const marsadMs = performance.now() - m0;
  const marsadOutput: SystemOutput = article
    ? {
        isArticle: article.isArticle,
        title: article.title,
        siteName: article.siteName,
        outlet: article.outlet,
        authors: article.authors,
        published: article.published,
        text: article.text,
      }
    : EMPTY_OUTPUT;

  const decoding = decodeForBaseline(bytes, truth.encoding);
  let readabilityOutput = EMPTY_OUTPUT;
  let readabilityError: string | null = null;
  const r0 = performance.now();
  try {
    readabilityOutput = runReadabilityJsdom(decoding.html, truth.url);
  } catch (error) {
    readabilityError = describe(error);
  }
  const readabilityMs = performance.now() - r0;

  return {
    page,
    marsad: { article, error: marsadError, ms: marsadMs, score: scorePage(truth, marsadOutput) },
    readability: {
      decoding,
      error: readabilityError,
      ms: readabilityMs,
      output: readabilityOutput,
      score: scorePage(truth, readabilityOutput),
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(
  corpusDir: string,
  runs: PageRun[],
  overall: { marsad: Summary; readability: Summary },
  single: boolean,
): void {
  const m = overall.marsad;
  console.log(
    `eval:extract — ${m.pages} page(s): ${m.articles} article(s), ${m.listings} listing(s) from ${corpusDir}`,
  );
  console.log(
    'Marsad gets the raw bytes; Readability gets jsdom on text decoded by BOM / <meta charset> / UTF-8.\n',
  );

  if (single) printFullArticle(runs[0]);

  console.log(pageTable(runs));
  console.log(
    '\nF1: body F1 (articles); leak: share of `without` snippets in the body; T title, S site name, O outlet,',
  );
  console.log(
    'A authors, D date (articles), I isArticle; · not applicable; * Readability was given the encoding.',
  );
  for (const r of runs) {
    if (r.readability.decoding.source === 'truth') {
      console.log(
        `* ${r.page.id}: declares no charset; Readability was given ${r.readability.decoding.encoding} from the truth file (Marsad must sniff it).`,
      );
    }
  }

  console.log(`\n${overallTable(overall)}`);
  console.log(`\n${marsadInfo(runs)}`);

  const failures = runs.map(failureReport).filter((f) => f !== null);
  console.log(`\nMarsad failures (${failures.length} of ${runs.length} page(s)):`);
  console.log(failures.length === 0 ? '  none' : failures.join('\n\n'));
}

function printFullArticle(run: PageRun): void {
  console.log(`Marsad's Article for ${run.page.id} (${run.marsad.ms.toFixed(1)} ms):`);
  console.log(run.marsad.error ? `  threw ${run.marsad.error}` : JSON.stringify(run.marsad.article, null, 2));
  const r = run.readability.output;
  console.log(
    `\nReadability for comparison (${run.readability.ms.toFixed(1)} ms, ${describeDecoding(run.readability.decoding)}):`,
  );
  console.log(
    JSON.stringify(
      { ...r, text: `${[...r.text.trim()].slice(0, 300).join('')}… (${r.text.length} chars)` },
      null,
      2,
    ),
  );
  console.log('');
}

function describeDecoding(d: BaselineDecoding): string {
  const how = {
    bom: 'from the BOM',
    meta: 'from <meta>',
    default: 'assumed',
    truth: 'given from the truth file',
  }[d.source];
  return `decoded as ${d.encoding}, ${how}`;
}

function pageTable(runs: PageRun[]): string {
  const cells = (s: PageScore) => [
    fraction(s.body.f1),
    fraction(s.body.leakage),
    mark(s.title.ok),
    mark(s.siteName.ok),
    mark(s.outlet.ok),
    mark(s.authors?.ok ?? null),
    mark(s.date?.ok ?? null),
    mark(s.isArticle.ok),
  ];
  const fields = ['F1', 'leak', 'T', 'S', 'O', 'A', 'D', 'I'];
  const header = ['page', 'kind', ...fields.map((f) => `M:${f}`), '|', ...fields.map((f) => `R:${f}`)];
  const rows = runs.map((r) => [
    r.readability.decoding.source === 'truth' ? `${r.page.id}*` : r.page.id,
    r.page.truth.kind,
    ...cells(r.marsad.score),
    '|',
    ...cells(r.readability.score),
  ]);
  const align = header.map((h) => (h.endsWith('F1') || h.endsWith('leak') ? 'right' : 'left'));
  return renderTable(header, rows, align);
}

/** Rows of the overall table: label, summary key, and whether higher is better. */
const OVERALL_ROWS: { label: string; key: keyof Summary; higherIsBetter: boolean; chars?: boolean }[] = [
  { label: 'body F1 (articles, strict)', key: 'bodyF1', higherIsBetter: true },
  { label: 'with-recall (articles)', key: 'recall', higherIsBetter: true },
  { label: 'leakage (articles)', key: 'articleLeakage', higherIsBetter: false },
  { label: 'leakage (listings)', key: 'listingLeakage', higherIsBetter: false },
  { label: 'leakage (all pages, gated)', key: 'leakage', higherIsBetter: false },
  { label: 'body chars (listings, mean)', key: 'listingMeanChars', higherIsBetter: false, chars: true },
  { label: 'with-recall loose (articles)', key: 'looseRecall', higherIsBetter: true },
  { label: 'leakage loose (articles)', key: 'looseArticleLeakage', higherIsBetter: false },
  { label: 'title', key: 'title', higherIsBetter: true },
  { label: 'site name', key: 'siteName', higherIsBetter: true },
  { label: 'outlet (R: its siteName)', key: 'outlet', higherIsBetter: true },
  { label: 'authors (articles)', key: 'authors', higherIsBetter: true },
  { label: 'date (articles; R: publishedTime)', key: 'date', higherIsBetter: true },
  { label: 'isArticle (R: isProbablyReaderable)', key: 'isArticle', higherIsBetter: true },
];

function overallTable(overall: { marsad: Summary; readability: Summary }): string {
  const rows = OVERALL_ROWS.map(({ label, key, higherIsBetter, chars }) => {
    const m = overall.marsad[key];
    const r = overall.readability[key];
    const delta = m === null || r === null ? null : m - r;
    const show = (v: number | null) => (chars ? (v === null ? '·' : v.toFixed(0)) : fraction(v));
    const showDelta = chars
      ? delta === null
        ? '·'
        : `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(0)}`
      : signed(delta);
    return [label, show(m), show(r), showDelta, better(delta, higherIsBetter)];
  });
  return renderTable(['overall', 'Marsad', 'Readability', 'Δ (M − R)', 'better'], rows, [
    'left',
    'right',
    'right',
    'right',
  ]);
}

/** Which system the difference favours: `=` for a tie, `·` when either number is missing. */
function better(delta: number | null, higherIsBetter: boolean): string {
  if (delta === null) return '·';
  if (Math.abs(delta) < 1e-9) return '=';
  return delta > 0 === higherIsBetter ? 'Marsad' : 'Readability';
}

/** Marsad-only facts: which cascade stage won, the ungated fields, and time spent. */
function marsadInfo(runs: PageRun[]): string {
  const stages = new Map<string, number>();
  for (const r of runs) {
    const stage = r.marsad.article?.extractedBy ?? 'threw';
    stages.set(stage, (stages.get(stage) ?? 0) + 1);
  }
  const info = runs.map((r) => infoChecks(r.page.truth, r.marsad.article));
  const share = (key: keyof ReturnType<typeof infoChecks>) =>
    `${info.filter((i) => i[key].ok).length}/${info.length}`;
  const ms = (pick: (r: PageRun) => number) => runs.reduce((a, r) => a + pick(r), 0);
  return [
    `Marsad extractedBy: ${[...stages].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Marsad, not gated: encoding ${share('encoding')}, language ${share('language')}, canonical URL ${share('canonicalUrl')}`,
    `Time (one cold pass, see bench:extract for speed): Marsad ${ms((r) => r.marsad.ms).toFixed(0)} ms, Readability+jsdom ${ms((r) => r.readability.ms).toFixed(0)} ms`,
  ].join('\n');
}

/** Checks the gate does not count but the lead wants to see: decoding, language, canonical URL. */
function infoChecks(
  truth: Truth,
  article: Article | null,
): { encoding: FieldCheck; language: FieldCheck; canonicalUrl: FieldCheck } {
  const check = (
    expected: string | null,
    got: string | null,
    same: (a: string, b: string) => boolean,
  ): FieldCheck => ({
    ok: expected === null || got === null ? expected === got : same(expected, got),
    expected: JSON.stringify(expected),
    got: JSON.stringify(got),
  });
  return {
    encoding: check(truth.encoding, article?.encoding ?? null, (a, b) => encodingKey(a) === encodingKey(b)),
    language: check(truth.language, article?.language ?? null, (a, b) => a.toLowerCase() === b.toLowerCase()),
    canonicalUrl: check(truth.url, article?.canonicalUrl ?? null, (a, b) => urlKey(a) === urlKey(b)),
  };
}

/** `windows-1256`, `Windows1256` and `cp1256` are one encoding. */
function encodingKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^cp(\d{4})$/, 'windows$1');
}

/** Truth URLs are written both with raw Arabic and percent-encoded; WHATWG URL makes them one form. */
function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

const FAILURE_FIELDS = ['title', 'siteName', 'outlet', 'authors', 'date', 'isArticle'] as const;

/** Everything Marsad got wrong on one page, expected vs got; null when it got all of it right. */
function failureReport(run: PageRun): string | null {
  const { truth } = run.page;
  const s = run.marsad.score;
  const lines: string[] = [];
  if (run.marsad.error) lines.push(`  threw: ${run.marsad.error}`);
  if (s.body.missed.length > 0) {
    lines.push(`  body: missed ${s.body.missed.length}/${truth.with.length} \`with\` snippet(s):`);
    for (const snippet of s.body.missed) {
      const loose = s.body.missedButLoose.includes(snippet) ? '  [found once whitespace is removed]' : '';
      lines.push(`    - ${snippet}${loose}`);
    }
  }
  if (s.body.leaked.length > 0) {
    lines.push(`  body: leaked ${s.body.leaked.length}/${truth.without.length} \`without\` snippet(s):`);
    for (const snippet of s.body.leaked) lines.push(`    - ${snippet}`);
  }
  if (truth.kind === 'listing' && s.body.chars > 0)
    lines.push(`  body: ${s.body.chars} chars returned for a listing page`);
  for (const field of FAILURE_FIELDS) {
    const check = s[field];
    if (check && !check.ok) lines.push(...expectedGot(field, check));
  }
  const info = infoChecks(truth, run.marsad.article);
  for (const [field, check] of Object.entries(info)) {
    if (!check.ok) lines.push(...expectedGot(`${field} (not gated)`, check));
  }
  if (lines.length === 0) return null;
  const a = run.marsad.article;
  const context = a
    ? `extractedBy=${a.extractedBy}, encoding=${a.encoding}, ${a.paragraphs.length} paragraph(s), ${a.text.length} chars${a.warnings.length ? `, warnings: ${a.warnings.join('; ')}` : ''}`
    : 'no Article';
  return [`${truth.id} (${truth.kind}) — ${context}`, ...lines].join('\n');
}

function expectedGot(field: string, check: FieldCheck): string[] {
  return [
    `  ${field}:${check.note ? ` (${check.note})` : ''}`,
    `    expected ${check.expected}`,
    `    got      ${check.got}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// Gate and JSON

function reportGate(gate: GateLine[], say: (line: string) => void): number {
  const failed = gate.filter((l) => !l.ok);
  if (failed.length === 0) {
    say(`\nGate (${EXTRACT_BASELINE_PATH}): all ${gate.length} floors met.`);
    return 0;
  }
  say(`\nGate (${EXTRACT_BASELINE_PATH}): Marsad is below ${failed.length} floor(s):`);
  for (const l of failed)
    say(`  ${l.floor}: ${fraction(l.current)} ${l.floor === 'leakageMax' ? '>' : '<'} ${l.bound}`);
  return 1;
}

function updateBaseline(floors: Floors, summary: Summary, say: (line: string) => void): number {
  const raised = raiseFloors(floors, summary);
  if (raised === null) {
    say(
      '\nRefusing to update the baseline: Marsad is below its current floors, and floors are never lowered.',
    );
    reportGate(checkFloors(floors, summary), say);
    return 1;
  }
  if (raised.changed.length === 0) {
    say(`\nBaseline unchanged: the floors in ${EXTRACT_BASELINE_PATH} already match the current numbers.`);
    return 0;
  }
  writeFloors(EXTRACT_BASELINE_PATH, raised.next);
  say(`\nBaseline raised in ${EXTRACT_BASELINE_PATH}:\n  ${raised.changed.join('\n  ')}`);
  return 0;
}

function summaryJson(
  corpusDir: string,
  runs: PageRun[],
  overall: { marsad: Summary; readability: Summary },
  gate: GateLine[] | null,
) {
  return {
    corpus: corpusDir,
    overall,
    gate: gate === null ? null : { ok: gate.every((l) => l.ok), floors: gate },
    pages: runs.map((r) => ({
      id: r.page.id,
      kind: r.page.truth.kind,
      marsad: {
        ...r.marsad.score,
        extractedBy: r.marsad.article?.extractedBy ?? null,
        error: r.marsad.error,
        ms: Math.round(r.marsad.ms * 10) / 10,
      },
      readability: {
        ...r.readability.score,
        decoding: { encoding: r.readability.decoding.encoding, source: r.readability.decoding.source },
        error: r.readability.error,
        ms: Math.round(r.readability.ms * 10) / 10,
      },
    })),
  };
}

process.exitCode = await main(process.argv.slice(2));
