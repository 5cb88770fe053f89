import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The search vector as the workspace migration made it (before accents were folded). */
const SEARCHED_TEXT = `coalesce(applicant_name, '') || ' ' || coalesce(case_code, '') || ' ' || replace(coalesce(case_code, ''), ' ', '') || ' '
  || coalesce(service_title->>'lt', '') || ' ' || coalesce(service_title->>'lv', '') || ' ' || coalesce(service_title->>'en', '')`;

/**
 * The inbox search folds accents on both sides: officials type "berz" for Bērziņa and "zemaite"
 * for Žemaitė. `unaccent` (contrib; PGlite ships it, PostgreSQL has it in its contrib package and
 * lets a database owner create it) does the folding; `fold_accents` names its dictionary, which
 * makes it IMMUTABLE, as a generated column needs. The SQL-standard body binds the dictionary when
 * the function is made, whatever the search_path later. Re-adding the column recomputes every task.
 *
 * `task_search_query(words)`: the words an official typed, each folded and then quoted (a folded
 * letter may become punctuation: ŉ is 'n), as prefixes that must all match; an expression of the
 * query's parameters only, so `search @@ task_search_query($n)` still uses the GIN index.
 */
export class InboxSearchFoldsAccents1765929600003 implements MigrationInterface {
  name = 'InboxSearchFoldsAccents1765929600003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE FUNCTION fold_accents(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN unaccent(regdictionary 'unaccent', $1);
      CREATE FUNCTION task_search_query(words text[]) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN to_tsquery('simple', (SELECT string_agg('''' || replace(replace(fold_accents(w), '\\', '\\\\'), '''', '''''') || ''':*', ' & ') FROM unnest(words) w));

      ALTER TABLE task DROP COLUMN search;
      ALTER TABLE task ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', fold_accents(${SEARCHED_TEXT}))) STORED;
      CREATE INDEX task_search ON task USING gin (search);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // The extension stays: it may have been there before, for something else.
    await db.query(`
      ALTER TABLE task DROP COLUMN search;
      ALTER TABLE task ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${SEARCHED_TEXT})) STORED;
      CREATE INDEX task_search ON task USING gin (search);
      DROP FUNCTION task_search_query(text[]);
      DROP FUNCTION fold_accents(text);
    `);
  }
}
