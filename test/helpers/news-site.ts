// A generated news site on a real loopback server, for integration tests: N distinct Arabic
// article pages, a sitemap listing them, robots.txt, and a log of every request.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const WORDS = (
  'الحكومة المدينة الرقة حلب دمشق بيروت الوزير المجلس المحلي الأهالي المياه الكهرباء الطريق المدارس المستشفى ' +
  'الاتفاق المفاوضات المساعدات الإنسانية النازحين العودة الأسعار السوق الوقود القمح المحصول الأمطار السيول ' +
  'الشرطة الأمن القوات الاشتباكات الهدنة وقف إطلاق النار اللجنة التقرير البيان المسؤولين السكان المنظمة ' +
  'الدولية الأمم المتحدة المشروع الميزانية الرواتب الموظفين الجامعة الطلاب الامتحانات الصحة اللقاحات'
).split(' ');

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(r: () => number): string {
  const n = 10 + Math.floor(r() * 12);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]);
  return `${w.join(' ')}، ${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}.`;
}

export function articleHtml(i: number, base: string): string {
  const r = rng(i + 1);
  const paras = Array.from({ length: 5 }, () => `<p>${sentence(r)} ${sentence(r)} ${sentence(r)}</p>`).join(
    '\n',
  );
  const day = String((i % 28) + 1).padStart(2, '0');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>خبر رقم ${i}: ${sentence(r).slice(0, 60)} - موقع الاختبار</title>
<meta property="og:site_name" content="موقع الاختبار">
<meta property="article:published_time" content="2026-10-${day}T10:00:00Z">
<link rel="canonical" href="${base}/news/${i}.html"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/s/1">سياسة</a> <a href="/s/2">اقتصاد</a></nav>
<article><h1>خبر رقم ${i}</h1><div class="content">${paras}</div></article>
<footer>جميع الحقوق محفوظة © 2026</footer></body></html>`;
}

export interface NewsSite {
  base: string;
  sitemapUrl: string;
  /** Requests per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startNewsSite(pages: number, opts: { delayMs?: number } = {}): Promise<NewsSite> {
  const hits = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = () => {
      if (path === '/robots.txt')
        return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (path === '/sitemap.xml') {
        const urls = Array.from(
          { length: pages },
          (_, i) => `<url><loc>${base}/news/${i}.html</loc></url>`,
        ).join('');
        return res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
          );
      }
      const m = path.match(/^\/news\/(\d+)\.html$/);
      if (m && Number(m[1]) < pages)
        return res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(articleHtml(Number(m[1]), base));
      res.writeHead(404).end('not found');
    };
    if (opts.delayMs) setTimeout(send, opts.delayMs);
    else send();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    sitemapUrl: `${base}/sitemap.xml`,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
