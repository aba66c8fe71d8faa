// The Store contract: one suite every implementation runs (SQLite now, PostgreSQL next).
// `runStoreContract('sqlite', () => SqliteStore.open(':memory:'))` registers node:test tests.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { NewArticle, NewPage, PageResult, Store } from './store.js';

const NOW = '2026-11-01T10:00:00.000Z';

function page(url: string, body: string): NewPage {
  const raw = new TextEncoder().encode(body);
  return {
    url,
    finalUrl: url,
    sourceId: null,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    contentType: 'text/html; charset=utf-8',
    fetchedAt: NOW,
    fetchMs: 12,
    raw,
    sha256: createHash('sha256').update(raw).digest('hex'),
  };
}

function article(
  url: string,
  title: string,
  text: string,
  extra: Partial<NewArticle> = {},
): Omit<NewArticle, 'pageId'> {
  return {
    url,
    isArticle: true,
    canonicalUrl: url,
    siteName: 'الشاهد',
    outlet: 'الشاهد',
    title,
    authors: ['سامر الحلبي'],
    published: '2026-10-20T09:00:00+03:00',
    modified: null,
    language: 'ar',
    text,
    paragraphs: text.split('\n\n'),
    leadImage: null,
    related: [],
    encoding: 'utf-8',
    extractedBy: 'scored-container',
    warnings: [],
    contentHash: createHash('sha256').update(text).digest('hex'),
    minhash: new Uint32Array([1, 2, 3, 4]),
    pipelineVersion: 1,
    ...extra,
  };
}

function result(
  url: string,
  title: string,
  text: string,
  jobId: number | null = null,
  bands: string[] = [],
): PageResult {
  return {
    jobId,
    page: page(url, `<html><title>${title}</title><p>${text}</p></html>`),
    article: article(url, title, text),
    analysis: {
      mentions: [
        {
          entityId: 'geo:raqqa',
          start: 0,
          end: 5,
          surface: 'الرقة',
          type: 'LOC',
          sentence: 0,
          source: 'gazetteer',
        },
      ],
      quotes: [],
      entities: [
        {
          id: 'geo:raqqa',
          kind: 'place',
          nameAr: 'الرقة',
          nameEn: 'Raqqa',
          aliases: [],
          lat: 35.95,
          lon: 39.01,
        },
      ],
    },
    bands,
  };
}

export function runStoreContract(name: string, open: () => Promise<Store> | Store) {
  describe(`Store contract: ${name}`, () => {
    test('sources: add, list, get, update on conflict, remove', async () => {
      const s = await open();
      const a = await s.addSource({ url: 'http://127.0.0.1:1/feed.xml', kind: 'feed', name: 'الشاهد' });
      assert.equal(a.kind, 'feed');
      assert.equal(a.scheduleMinutes, 60);
      const again = await s.addSource({
        url: 'http://127.0.0.1:1/feed.xml',
        kind: 'feed',
        scheduleMinutes: 15,
      });
      assert.equal(again.id, a.id);
      assert.equal(again.name, 'الشاهد');
      assert.equal(again.scheduleMinutes, 15);
      assert.equal((await s.listSources()).length, 1);
      await s.recordSourceCheck(a.id, {
        etag: '"x"',
        checkedAt: NOW,
        nextCheckAt: '2026-11-01T11:00:00.000Z',
        error: null,
      });
      assert.equal((await s.getSource(a.id))?.etag, '"x"');
      assert.deepEqual(
        (await s.dueSources(NOW)).map((x) => x.id),
        [],
      );
      assert.deepEqual(
        (await s.dueSources('2026-11-01T12:00:00.000Z')).map((x) => x.id),
        [a.id],
      );
      assert.equal(await s.removeSource(a.url), true);
      assert.equal(await s.removeSource(a.url), false);
      await s.close();
    });

    test('jobs: enqueue skips known URLs, claim marks running, requeue after a crash, fail with retry', async () => {
      const s = await open();
      assert.equal(
        await s.enqueue([{ url: 'http://a/1' }, { url: 'http://a/2' }, { url: 'http://a/1' }], NOW),
        2,
      );
      assert.equal(await s.enqueue([{ url: 'http://a/2' }], NOW), 0);
      const claimed = await s.claimJobs(10, NOW);
      assert.equal(claimed.length, 2);
      assert.ok(claimed.every((j) => j.state === 'running' && j.attempts === 1));
      assert.deepEqual(await s.claimJobs(10, NOW), []);
      assert.equal(await s.requeueRunning(), 2);
      const [j1, j2] = await s.claimJobs(10, NOW);
      await s.failJob(j1.id, 'fetch.timeout', 'timed out', '2026-11-01T10:05:00.000Z');
      await s.failJob(j2.id, 'fetch.status', 'HTTP 404', null);
      assert.deepEqual(await s.claimJobs(10, NOW), []);
      const retried = await s.claimJobs(10, '2026-11-01T10:06:00.000Z');
      assert.equal(retried.length, 1);
      assert.equal(retried[0].attempts, 3, 'claimed, requeued, claimed, failed with retry, claimed');
      const counts = await s.jobCounts();
      assert.equal(counts.failed, 1);
      assert.equal(counts.running, 1);
      await s.close();
    });

    test('storeResult: page, article, analysis and job completion together; same page twice stored once', async () => {
      const s = await open();
      await s.enqueue([{ url: 'http://a/1' }], NOW);
      const [job] = await s.claimJobs(1, NOW);
      const r1 = await s.storeResult(
        result('http://a/1', 'انسحاب من الرقة', 'نص الخبر عن الرقة', job.id, ['b1', 'b2']),
      );
      assert.equal(r1.inserted, true);
      assert.ok(r1.articleId);
      assert.equal((await s.jobCounts()).done, 1);
      const r2 = await s.storeResult(result('http://a/1', 'انسحاب من الرقة', 'نص الخبر عن الرقة'));
      assert.equal(r2.inserted, false);
      assert.equal(r2.pageId, r1.pageId);
      const stats = await s.stats();
      assert.equal(stats.pages, 1);
      assert.equal(stats.articles, 1);
      const pg = await s.getPage(r1.pageId);
      assert.match(new TextDecoder().decode(pg!.raw), /نص الخبر/);
      const a = await s.getArticle(r1.articleId!);
      assert.equal(a?.title, 'انسحاب من الرقة');
      assert.deepEqual(a?.authors, ['سامر الحلبي']);
      assert.deepEqual([...(a?.minhash ?? [])], [1, 2, 3, 4]);
      assert.equal((await s.mentionsOf(a!.id))[0].surface, 'الرقة');
      await s.close();
    });

    test('new bytes for a known URL replace the page in place; its source stays when none is given', async () => {
      const s = await open();
      const source = await s.addSource({ url: 'http://a/feed.xml', kind: 'feed', name: 'أ' });
      const first = result('http://a/1', 'عنوان', 'النص الأول');
      first.page.sourceId = source.id;
      const r1 = await s.storeResult(first);
      const r2 = await s.storeResult(result('http://a/1', 'عنوان', 'النص بعد التعديل'));
      assert.equal(r2.pageId, r1.pageId);
      assert.equal((await s.stats()).pages, 1);
      const pg = await s.getPage(r1.pageId);
      assert.match(new TextDecoder().decode(pg!.raw), /بعد التعديل/);
      assert.equal(pg!.sourceId, source.id);
      await s.close();
    });

    test('the same article under another URL of its site is not stored twice; on another site it is kept', async () => {
      const s = await open();
      const r1 = await s.storeResult(result('http://a/1', 'عنوان', 'نص واحد'));
      const r2 = await s.storeResult(result('http://a/1?utm=x', 'عنوان', 'نص واحد'));
      assert.equal(r2.articleId, null);
      assert.equal(r2.duplicateOf, r1.articleId);
      assert.equal((await s.stats()).articles, 1);
      const copy = result('http://b/copy', 'عنوان', 'نص واحد');
      copy.article!.canonicalUrl = 'http://b/copy';
      const r3 = await s.storeResult(copy);
      assert.ok(r3.articleId, 'a copy on another site is an article of its own');
      assert.equal((await s.stats()).articles, 2);
      await s.close();
    });

    test('search folds Arabic the same way for text and query; filters by outlet and date', async () => {
      const s = await open();
      await s.storeResult(result('http://a/1', 'إجلاء المدنيين من الرقّة', 'بدأت عملية إجلاء المدنيين'));
      await s.storeResult(result('http://a/2', 'فيضانات في صفاقس', 'غمرت المياه الشوارع'));
      assert.equal((await s.listArticles({ q: 'اجلاء الرقة' })).length, 1);
      assert.equal(
        (await s.listArticles({ q: 'بالرقة' })).length,
        1,
        'clitics and the article do not matter',
      );
      assert.equal((await s.listArticles({ q: 'فيضان' })).length, 1, 'a plural is found by its singular');
      assert.equal((await s.listArticles({ q: 'صفاقس' }))[0].title, 'فيضانات في صفاقس');
      assert.equal((await s.listArticles({ q: '"))) OR *' })).length, 0);
      assert.equal((await s.listArticles({ q: '"إجلاء المدنيين"' })).length, 1, 'a phrase');
      assert.equal((await s.listArticles({ q: '"المدنيين إجلاء"' })).length, 0, 'a phrase keeps its order');
      assert.equal((await s.listArticles({ q: 'الرقة -المدنيين' })).length, 0, 'an exclusion');
      assert.equal((await s.listArticles({ q: 'الرقة OR صفاقس' })).length, 2, 'OR');
      assert.equal((await s.listArticles({ q: '-الرقة' })).length, 0, 'only exclusions: nothing to look for');
      assert.equal((await s.listArticles({ outlet: 'الشاهد' })).length, 2);
      assert.equal((await s.listArticles({ since: '2027-01-01' })).length, 0);
      await s.close();
    });

    test('search ranks by relevance, the title first; --sort date by recency', async () => {
      const s = await open();
      const older = result('http://a/old', 'سد النهضة: جولة مفاوضات جديدة', 'تبدأ الجولة في القاهرة.');
      older.article!.published = '2026-01-01T00:00:00Z';
      const newer = result('http://a/new', 'أسعار الخضار', 'وفي خبر آخر تحدث الوزير عن سد النهضة باختصار.');
      newer.article!.published = '2026-06-01T00:00:00Z';
      await s.storeResult(older);
      await s.storeResult(newer);
      const ranked = await s.listArticles({ q: 'سد النهضة' });
      assert.deepEqual(
        ranked.map((a) => a.url),
        ['http://a/old', 'http://a/new'],
      );
      const byDate = await s.listArticles({ q: 'سد النهضة', sort: 'date' });
      assert.deepEqual(
        byDate.map((a) => a.url),
        ['http://a/new', 'http://a/old'],
      );
      await s.close();
    });

    test('LSH candidates and copy links', async () => {
      const s = await open();
      const a = await s.storeResult(result('http://a/1', 'أ', 'نص أول', null, ['x1', 'x2']));
      const b = await s.storeResult(result('http://b/1', 'ب', 'نص ثان', null, ['x2', 'x3']));
      await s.storeResult(result('http://c/1', 'ج', 'نص ثالث', null, ['y1']));
      const cands = await s.lshCandidates(['x2'], b.articleId!);
      assert.deepEqual(
        cands.map((c) => c.id),
        [a.articleId],
      );
      await s.setCopyOf(b.articleId!, a.articleId);
      assert.equal((await s.getArticle(b.articleId!))?.copyOf, a.articleId);
      assert.equal((await s.stats()).copies, 1);
      await s.close();
    });

    test('replaceArticle re-runs a page: new article row, old analysis gone, copy link kept', async () => {
      const s = await open();
      const a = await s.storeResult(result('http://a/1', 'أ', 'نص أول'));
      const b = await s.storeResult(result('http://b/1', 'ب', 'نص ثان'));
      await s.setCopyOf(b.articleId!, a.articleId);
      const art = article('http://b/1', 'ب محدث', 'نص ثان محدث');
      const id = await s.replaceArticle(b.pageId, art, { mentions: [], quotes: [] }, []);
      const fresh = await s.getArticle(id!);
      assert.equal(fresh?.title, 'ب محدث');
      assert.equal(fresh?.copyOf, a.articleId);
      assert.deepEqual(await s.mentionsOf(id!), []);
      assert.deepEqual(await s.pageIds(), [a.pageId, b.pageId]);
      await s.close();
    });
  });
}
