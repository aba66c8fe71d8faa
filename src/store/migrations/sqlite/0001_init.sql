-- Marsad's first schema (SQLite). See ../../../../shared/DESIGN.md "Data model".
-- Times are ISO 8601 UTC strings; JSON columns hold arrays/objects as text.

CREATE TABLE sources (
  id               INTEGER PRIMARY KEY,
  url              TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL,            -- feed | sitemap | page | urls | file | dir | warc
  name             TEXT,
  language         TEXT,
  schedule_minutes INTEGER NOT NULL DEFAULT 60,
  allow_private    INTEGER NOT NULL DEFAULT 0,
  etag             TEXT,
  last_modified    TEXT,
  last_checked_at  TEXT,
  next_check_at    TEXT,
  last_error       TEXT,
  error_count      INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL
);

CREATE TABLE pages (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,        -- the URL asked for (or file:// path)
  final_url     TEXT NOT NULL,
  source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  status        INTEGER,
  headers       TEXT,                        -- JSON object
  content_type  TEXT,
  fetched_at    TEXT NOT NULL,
  fetch_ms      INTEGER,
  raw           BLOB,                        -- brotli-compressed bytes as received
  raw_size      INTEGER NOT NULL DEFAULT 0,
  sha256        TEXT NOT NULL
);
CREATE INDEX pages_sha256 ON pages(sha256);

CREATE TABLE stories (
  id          INTEGER PRIMARY KEY,
  title       TEXT,
  first_seen  TEXT,
  last_seen   TEXT,
  size        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  page_id          INTEGER NOT NULL UNIQUE REFERENCES pages(id) ON DELETE CASCADE,
  url              TEXT NOT NULL,
  canonical_url    TEXT,
  site_name        TEXT,
  outlet           TEXT,
  title            TEXT,
  authors          TEXT NOT NULL DEFAULT '[]',
  published        TEXT,
  modified         TEXT,
  language         TEXT,
  text             TEXT NOT NULL,
  paragraphs       TEXT NOT NULL DEFAULT '[]',
  lead_image       TEXT,
  related          TEXT NOT NULL DEFAULT '[]',
  encoding         TEXT,
  extracted_by     TEXT,
  warnings         TEXT NOT NULL DEFAULT '[]',
  content_hash     TEXT NOT NULL,
  minhash          BLOB,
  story_id         INTEGER REFERENCES stories(id) ON DELETE SET NULL,
  copy_of          INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  pipeline_version INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_copy_of ON articles(copy_of);

-- MinHash LSH buckets: one row per (band hash, article).
CREATE TABLE lsh_bands (
  band       TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_article ON lsh_bands(article_id);

-- Full-text search over the search-folded title and text (the same fold runs on queries).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 0');

CREATE TABLE entities (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  name_ar     TEXT NOT NULL,
  name_en     TEXT,
  aliases     TEXT NOT NULL DEFAULT '[]',
  lat         REAL,
  lon         REAL,
  country     TEXT,
  admin_level INTEGER,
  parent_id   TEXT
);

CREATE TABLE mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id  TEXT NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  surface    TEXT NOT NULL,
  type       TEXT NOT NULL,
  sentence   INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  speaker_id    TEXT,
  speaker       TEXT NOT NULL,
  role          TEXT,
  cue           TEXT NOT NULL,
  text          TEXT NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  direct        INTEGER NOT NULL,
  source_type   TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,               -- fetch
  url           TEXT NOT NULL,
  source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  allow_private INTEGER NOT NULL DEFAULT 0,
  state         TEXT NOT NULL DEFAULT 'pending',   -- pending | running | done | failed
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_try_at   TEXT NOT NULL,
  error_code    TEXT,
  error_message TEXT,
  page_id       INTEGER,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (kind, url)
);
CREATE INDEX jobs_ready ON jobs(state, next_try_at);
