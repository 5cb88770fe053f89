import type { DataSource } from 'typeorm';

/**
 * Fills the database with a realistic history of orders straight in SQL (generate_series), so
 * the API is measured against a table that really holds `total` applications. Every row has
 * valid foreign keys and the task and timeline rows the API itself would have written.
 * audit_event is deliberately left alone: it is a hash chain that only the API may extend.
 */
export interface BulkSpec {
  total: number;
  /** Rows owned by the citizen whose session drives the load ("My orders" page of this size). */
  forBenchCitizen: number;
  syntheticCitizens: number;
  serviceCode: string;
  benchCitizen: string;
  official: string;
}

interface Ids { serviceId: string; versionId: string; agencyId: string; citizenId: string; officialId: string }

async function lookUpIds(db: DataSource, spec: BulkSpec): Promise<Ids> {
  const [row] = (await db.query(
    `SELECT s.id AS "serviceId", s.published_version_id AS "versionId", s.provider_agency_id AS "agencyId",
            (SELECT id FROM app_user WHERE username = $2) AS "citizenId",
            (SELECT id FROM app_user WHERE username = $3) AS "officialId"
       FROM service s WHERE s.code = $1`,
    [spec.serviceCode, spec.benchCitizen, spec.official],
  )) as Ids[];
  if (!row?.versionId || !row.citizenId || !row.officialId) throw new Error(`bulk data: service ${spec.serviceCode} is not published or a demo user is missing`);
  return row;
}

async function insertSyntheticCitizens(db: DataSource, count: number): Promise<void> {
  // Personal codes 9xxxxxxxxxx cannot clash with the demo users' codes.
  await db.query(
    `INSERT INTO app_user (username, display_name, email, personal_code, roles)
     SELECT format('bench-citizen-%s', lpad(n::text, 5, '0')), format('Bench Citizen %s', n), format('bench%s@example.lt', n),
            format('9%s', lpad(n::text, 10, '0')), ARRAY['citizen']
       FROM generate_series(1, $1::int) n`,
    [count],
  );
}

/**
 * Inserts `count` applications submitted over the last two years; `$4` is the applicant (or
 * NULL to spread rows round-robin over the synthetic citizens). The status mix roughly follows
 * a live service: most decided, some waiting, a few cancelled; 5% are filed for a company.
 */
async function insertApplications(db: DataSource, ids: Ids, count: number, applicantId: string | null, syntheticCitizens: number): Promise<void> {
  await db.query(
    `WITH citizen AS (
       SELECT id, row_number() OVER (ORDER BY username) - 1 AS slot FROM app_user WHERE username LIKE 'bench-citizen-%'
     )
     INSERT INTO application (service_id, service_version_id, applicant_id, on_behalf_of, data, status, submitted_at, updated_at)
     SELECT $1::uuid, $2::uuid, coalesce($4::uuid, c.id),
            CASE WHEN $4::uuid IS NULL AND g % 20 = 0 THEN format('30%s', lpad((g % 5000)::text, 7, '0')) END,
            jsonb_build_object(
              'place', format('Laisvės al. %s, Kaunas', 1 + g % 120),
              'purpose', (ARRAY['Lauko kavinė', 'Prekyba gėlėmis', 'Renginys', 'Statybų aikštelė'])[1 + g % 4],
              'area', 10 + g % 90,
              'from', to_char(date '2026-01-01' + g % 365, 'YYYY-MM-DD'),
              'contactPhone', format('+3706%s', lpad((g % 10000000)::text, 7, '0')),
              'notes', repeat('Papildoma informacija apie prašymą. ', 1 + g % 5)),
            CASE WHEN g % 20 < 11 THEN 'approved' WHEN g % 20 < 13 THEN 'rejected' WHEN g % 20 < 16 THEN 'in-review'
                 WHEN g % 20 < 19 THEN 'submitted' ELSE 'cancelled' END,
            t.at, t.at + interval '3 days'
       FROM generate_series(1, $3::int) g
       JOIN citizen c ON c.slot = g % $5::int
       CROSS JOIN LATERAL (SELECT now() - (g::float8 / $3::int) * interval '730 days' AS at) t`,
    [ids.serviceId, ids.versionId, count, applicantId, syntheticCitizens],
  );
}

/** The review task of every bulk application, in the state its application's status implies. */
async function insertTasks(db: DataSource, ids: Ids): Promise<void> {
  await db.query(
    `INSERT INTO task (application_id, agency_id, kind, name, assignee_id, state, created_at, completed_at, completed_by, result)
     SELECT a.id, $1::uuid, 'review', '{"lt":"Išnagrinėti prašymą","lv":"Izskatīt pieteikumu","en":"Review the application"}'::jsonb,
            CASE WHEN a.status = 'submitted' THEN NULL ELSE $2::uuid END,
            CASE a.status WHEN 'approved' THEN 'completed' WHEN 'rejected' THEN 'completed' WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END,
            a.submitted_at,
            CASE WHEN a.status IN ('approved', 'rejected') THEN a.updated_at END,
            CASE WHEN a.status IN ('approved', 'rejected') THEN $2::uuid END,
            CASE a.status WHEN 'approved' THEN '{"decision":"approve"}'::jsonb
                          WHEN 'rejected' THEN '{"decision":"reject","reason":"Vieta neatitinka reikalavimų"}'::jsonb END
       FROM application a`,
    [ids.agencyId, ids.officialId],
  );
}

/** The timeline the applicant sees: submitted, task created, then claimed and decided where that happened. */
async function insertTimeline(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO application_event (application_id, at, kind, status, actor_id, details)
     SELECT a.id, a.submitted_at + e.delay, e.kind, e.status, e.actor_id, e.details
       FROM application a
       JOIN task t ON t.application_id = a.id
       CROSS JOIN LATERAL (VALUES
         (interval '0', 'submitted', 'submitted', a.applicant_id, '{"serviceVersion":"1.0.0"}'::jsonb, true),
         (interval '1 second', 'task-created', 'submitted', NULL, jsonb_build_object('taskId', t.id, 'task', t.name), true),
         (interval '1 day', 'task-claimed', 'in-review', t.assignee_id, jsonb_build_object('taskId', t.id), t.assignee_id IS NOT NULL),
         (interval '3 days', 'task-completed', a.status, t.completed_by, jsonb_build_object('taskId', t.id) || coalesce(t.result, '{}'), t.completed_by IS NOT NULL)
       ) AS e(delay, kind, status, actor_id, details, happened)
      WHERE e.happened`,
  );
}

/** Runs the whole fill; returns how many applications the table holds afterwards. */
export async function insertBulkApplications(db: DataSource, spec: BulkSpec): Promise<number> {
  const ids = await lookUpIds(db, spec);
  await insertSyntheticCitizens(db, spec.syntheticCitizens);
  await insertApplications(db, ids, spec.forBenchCitizen, ids.citizenId, spec.syntheticCitizens);
  await insertApplications(db, ids, spec.total - spec.forBenchCitizen, null, spec.syntheticCitizens);
  await insertTasks(db, ids);
  await insertTimeline(db);
  // Fresh statistics, as autovacuum would have gathered on a server that grew to this size.
  await db.query('ANALYZE app_user, application, task, application_event');
  const [row] = (await db.query('SELECT count(*)::int AS n FROM application')) as { n: number }[];
  return row!.n;
}
