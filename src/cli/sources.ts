// `marsad sources add|list|remove|import-opml|export-opml`

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readOpml, writeOpml } from '../sources/index.js';
import type { SourceKind } from '../store/index.js';
import type { AppContext } from './context.js';

export const sourcesHelp = `Usage: marsad sources <add|list|remove|import-opml|export-opml> [options]

  add URL [--kind feed|sitemap|page|urls] [--name NAME] [--every MINUTES] [--allow-private]
                         follow a feed, sitemap, page or URL list (checked by \`marsad run\`)
  list                   the sources with their last check and errors
  remove ID|URL          stop following a source (its articles stay)
  import-opml FILE       add every feed of an OPML file
  export-opml [FILE]     write the sources as OPML (to stdout without FILE)`;

const KINDS: SourceKind[] = ['feed', 'sitemap', 'page', 'urls'];

export async function runSources(args: string[], ctx: AppContext): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      name: { type: 'string' },
      every: { type: 'string' },
      'allow-private': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!sub || values.help || sub === 'help') {
    ctx.stdout(`${sourcesHelp}\n`);
    return 0;
  }
  const { store } = ctx;
  switch (sub) {
    case 'add': {
      const url = positionals[0];
      if (!url || !/^https?:\/\//i.test(url)) {
        ctx.stderr('marsad sources add: give the http(s) URL of a feed, sitemap, page or URL list\n');
        return 2;
      }
      const kind = (values.kind ?? 'feed') as SourceKind;
      if (!KINDS.includes(kind)) {
        ctx.stderr(`marsad sources add: --kind must be one of ${KINDS.join(', ')}\n`);
        return 2;
      }
      const every = values.every ? Number(values.every) : 60;
      if (!Number.isInteger(every) || every < 1) {
        ctx.stderr('marsad sources add: --every takes whole minutes (at least 1)\n');
        return 2;
      }
      const s = await store.addSource({
        url,
        kind,
        name: values.name ?? null,
        scheduleMinutes: every,
        allowPrivate: values['allow-private'] ?? false,
      });
      ctx.stdout(`source ${s.id}: ${s.kind} ${s.url} (every ${s.scheduleMinutes} min)\n`);
      return 0;
    }
    case 'list': {
      const list = await store.listSources();
      if (list.length === 0) ctx.stdout('no sources yet: marsad sources add URL\n');
      for (const s of list) {
        const health = s.lastError
          ? `error ×${s.errorCount}: ${s.lastError}`
          : s.lastCheckedAt
            ? `ok, checked ${s.lastCheckedAt}`
            : 'not checked yet';
        ctx.stdout(
          `${String(s.id).padStart(4)}  ${s.kind.padEnd(7)} ${s.url}${s.name ? `  (${s.name})` : ''}  every ${s.scheduleMinutes} min — ${health}\n`,
        );
      }
      return 0;
    }
    case 'remove': {
      const key = positionals[0];
      if (!key) {
        ctx.stderr('marsad sources remove: give a source id or URL (see marsad sources list)\n');
        return 2;
      }
      const removed = await store.removeSource(/^\d+$/.test(key) ? Number(key) : key);
      if (!removed) {
        ctx.stderr(`marsad sources remove: no source ${key} (see marsad sources list)\n`);
        return 1;
      }
      ctx.stdout(`removed source ${key}\n`);
      return 0;
    }
    case 'import-opml': {
      const file = positionals[0];
      if (!file) {
        ctx.stderr('marsad sources import-opml: give an OPML file\n');
        return 2;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        ctx.stderr(`marsad sources import-opml: cannot read ${file}: ${(err as Error).message}\n`);
        return 1;
      }
      const list = readOpml(bytes);
      if (!list.ok) {
        ctx.stderr(`marsad sources import-opml: ${list.error.message}\n`);
        return 1;
      }
      for (const f of list.value) await store.addSource({ url: f.url, kind: 'feed', name: f.title ?? null });
      ctx.stdout(`imported ${list.value.length} feeds\n`);
      return 0;
    }
    case 'export-opml': {
      const sources = await store.listSources();
      const xml = writeOpml(
        sources.filter((s) => s.kind === 'feed').map((s) => ({ url: s.url, name: s.name ?? s.url })),
      );
      if (positionals[0]) {
        await writeFile(positionals[0], xml);
        ctx.stdout(`wrote ${positionals[0]}\n`);
      } else ctx.stdout(xml.endsWith('\n') ? xml : `${xml}\n`);
      return 0;
    }
    default:
      ctx.stderr(`marsad sources: unknown subcommand "${sub}"\n\n${sourcesHelp}\n`);
      return 2;
  }
}
