// The sources stage's only door: bytes of a feed, sitemap, OPML list, URL list or WARC archive
// → URLs (and raw archived pages). Pure functions over bytes and streams; no network, no store.
// Errors are values (`source.malformed`, `source.unsupported`, `source.empty`, `source.too-large`).

export { detectSourceKind } from './detect.js';
export { feedLinksInHtml, type ReadFeedOptions, readFeed } from './feeds.js';
export { isInputFileName, listLocalInputs } from './local-files.js';
export { readOpml, writeOpml } from './opml.js';
export { type ReadSitemapOptions, readSitemap } from './sitemaps.js';
export type {
  DetectOptions,
  Feed,
  FeedItem,
  LocalInputs,
  OpmlFeed,
  OpmlSourceInput,
  Sitemap,
  SitemapUrl,
  SourceKind,
  UrlList,
  UrlListWarning,
  WarcOptions,
  WarcResponse,
} from './types.js';
export { readUrlList } from './url-list.js';
export { readWarc, type WarcInput } from './warc.js';
