-- Search on light stems: the index holds each word's light stem (marsad_stems, registered by the
-- store from src/arabic/stem.ts), so "الرقة" finds "بالرقة" and "فيضانات" finds "الفيضان".
-- Queries are stemmed the same way.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO articles_fts (rowid, title, text)
  SELECT id, marsad_stems(COALESCE(title, '')), marsad_stems(text) FROM articles;
