"""The store's schema as an ordered list of named migrations (sqlite-utils' migrations idea).

Each migration is ``(name, sql)``; :class:`sukien.store.Store` applies, in list order, every
migration whose name is not yet in the ``migrations`` table, each in its own transaction,
and records its name there. So:

- To change the schema, APPEND a new ``(name, sql)`` to :data:`MIGRATIONS` here, so the
  order stays one reviewable list. Never edit or reorder a migration that has shipped:
  databases that already applied it will not run it again.
- Names are unique and say what the step does: ``"003_actors"``, ``"004_stories"``.
- ``sql`` may hold several statements; do not put ``BEGIN``/``COMMIT`` in it.

Tables written by ingest (all rows of one article are written in one transaction):

- ``articles``: one row per stored article; ``pk`` is the rowid shared with
  ``articles_fts``; ``id`` the article id (JSONL ``id`` or file stem, see ingest for
  conflicts); ``content_hash`` the dedup key; ``record_json`` the full SPEC §2 record.
- ``entities``, ``events``, ``statements``, ``documents``, ``quantities``, ``relations``:
  the §2 lists, one row per item, keyed by ``article_id`` (cascade-deleted with it).
  JSON-valued fields end in ``_json``; ``*_fold`` columns hold a diacritic-free lower-case
  copy for matching (see :func:`sukien.store.fold.fold`).
- ``stage_errors``: a pipeline stage that failed on an article (recorded, not fatal).
- ``aliases``: an input id whose content was already stored under another id.
- ``skipped``: an input that was not stored, with file, line, code and reason.
- ``articles_fts``: FTS5 over the folded title and body (contentless: the text lives in
  ``articles``; rowid = ``articles.pk``).
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "001_articles",
        """
        CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            published TEXT,
            outlet TEXT,
            url TEXT,
            source_path TEXT,
            text_clean TEXT NOT NULL,
            meta_json TEXT NOT NULL DEFAULT '{}',
            record_json TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);

        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            name_fold TEXT NOT NULL,
            type TEXT,
            country TEXT,
            title TEXT,
            title_en TEXT,
            mentions_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX entities_name_fold ON entities(name_fold);
        CREATE INDEX entities_country ON entities(country);

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            mode TEXT,
            date TEXT,
            date_precision TEXT,
            part_of_day TEXT,
            location_name TEXT,
            location_country TEXT,
            participants_json TEXT NOT NULL DEFAULT '[]',
            host TEXT,
            status TEXT,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            plover_json TEXT NOT NULL DEFAULT '{}',
            cameo TEXT,
            PRIMARY KEY (article_id, event_id)
        );
        CREATE INDEX events_kind ON events(kind);
        CREATE INDEX events_date ON events(date);

        CREATE TABLE statements (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            statement_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            source_json TEXT NOT NULL DEFAULT '[]',
            target_json TEXT NOT NULL DEFAULT '[]',
            topics_json TEXT NOT NULL DEFAULT '[]',
            occasion TEXT,
            implicit INTEGER NOT NULL DEFAULT 0,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            plover_json TEXT NOT NULL DEFAULT '{}',
            cameo TEXT,
            PRIMARY KEY (article_id, statement_id)
        );
        CREATE INDEX statements_kind ON statements(kind);

        CREATE TABLE documents (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT,
            parties_json TEXT NOT NULL DEFAULT '[]',
            topics_json TEXT NOT NULL DEFAULT '[]',
            signed TEXT,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE quantities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            value REAL,
            unit TEXT,
            year INTEGER,
            kind TEXT,
            approx TEXT,
            about TEXT,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE relations (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            country_a TEXT,
            country_b TEXT,
            level TEXT,
            date TEXT,
            year INTEGER,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE stage_errors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            error TEXT NOT NULL
        );
        CREATE INDEX stage_errors_article ON stage_errors(article_id);

        CREATE TABLE aliases (
            alias_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            source_path TEXT
        );

        CREATE TABLE skipped (
            path TEXT NOT NULL,
            line INTEGER NOT NULL DEFAULT 0,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (path, line)
        );

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='', tokenize="unicode61 remove_diacritics 2"
        );
        """,
    ),
    (
        "003_actors",
        # Corpus-wide actors (sukien.link.actors): one row per real person/body, and which
        # article entity is which actor. Rebuilt as a whole by `store_actors`.
        """
        CREATE TABLE actors (
            actor_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_fold TEXT NOT NULL,
            type TEXT NOT NULL,
            country TEXT,
            aliases_json TEXT NOT NULL DEFAULT '[]',
            titles_json TEXT NOT NULL DEFAULT '[]',
            n_articles INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT
        );
        CREATE INDEX actors_name_fold ON actors(name_fold);
        CREATE INDEX actors_country ON actors(country);

        CREATE TABLE actor_mentions (
            actor_id TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
        """,
    ),
    (
        "004_stories",
        # Stories and corpus events (sukien.link.incremental). link_* tables hold what
        # incremental linking needs to compare a new article with only its candidates:
        # blocking keys, near-duplicate LSH buckets, corpus document frequencies by hashed
        # term, and the scored pairs (edges) that stories are clustered from.
        """
        CREATE TABLE stories (
            story_id TEXT PRIMARY KEY,
            date TEXT,
            title TEXT,
            n_articles INTEGER NOT NULL,
            outlets_json TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_date ON stories(date);

        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(story_id) ON DELETE CASCADE,
            duplicate_of TEXT
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);

        CREATE TABLE corpus_events (
            event_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            date TEXT,
            participants_json TEXT NOT NULL DEFAULT '[]',
            n_sources INTEGER NOT NULL,
            story_id TEXT
        );
        CREATE INDEX corpus_events_kind ON corpus_events(kind);
        CREATE INDEX corpus_events_date ON corpus_events(date);

        CREATE TABLE corpus_event_sources (
            event_id TEXT NOT NULL REFERENCES corpus_events(event_id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            article_event_id TEXT NOT NULL,
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT,
            PRIMARY KEY (event_id, article_id, article_event_id)
        );
        CREATE INDEX corpus_event_sources_article ON corpus_event_sources(article_id);

        CREATE TABLE link_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            days_json TEXT NOT NULL DEFAULT '[]',
            events_json TEXT NOT NULL DEFAULT '[]',
            linked_at TEXT NOT NULL
        );
        CREATE TABLE link_keys (
            key TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (key, article_id)
        );
        CREATE INDEX link_keys_article ON link_keys(article_id);
        CREATE TABLE link_df (
            col INTEGER PRIMARY KEY,
            df INTEGER NOT NULL
        );
        CREATE TABLE link_edges (
            a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX link_edges_b ON link_edges(b);
        """,
    ),
]
