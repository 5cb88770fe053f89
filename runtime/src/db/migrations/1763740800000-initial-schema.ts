import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain model v1: accounts, catalogue, applications, tasks, documents, audit trail, terms of use. */
export class InitialSchema1763740800000 implements MigrationInterface {
  name = 'InitialSchema1763740800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name jsonb NOT NULL,
        registration_code text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        email text,
        personal_code text UNIQUE,
        oidc_subject text UNIQUE,
        password_hash text,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['analyst','developer','official','administrator','citizen']::text[]),
        agency_id uuid REFERENCES agency(id),
        groups text[] NOT NULL DEFAULT '{}',
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE representation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        entity_code text NOT NULL,
        entity_name text NOT NULL,
        capacity text NOT NULL,
        source text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX representation_user ON representation (user_id);

      CREATE TABLE session (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id),
        csrf_token text NOT NULL,
        auth_method text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX session_expiry ON session (expires_at);

      CREATE TABLE oidc_login (
        state text PRIMARY KEY,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        expires_at timestamptz NOT NULL
      );

      CREATE TABLE service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        provider_agency_id uuid NOT NULL REFERENCES agency(id),
        title jsonb NOT NULL,
        summary jsonb,
        legal_basis text,
        audience text[] NOT NULL,
        price jsonb NOT NULL,
        interactivity_level smallint NOT NULL CHECK (interactivity_level BETWEEN 1 AND 5),
        online_order boolean NOT NULL,
        life_events text[] NOT NULL DEFAULT '{}',
        published_version_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE service_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL REFERENCES service(id),
        version text NOT NULL,
        state text NOT NULL CHECK (state IN ('draft','testing','published','retired')),
        card jsonb NOT NULL,
        files jsonb NOT NULL,
        checksum text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user(id),
        published_at timestamptz,
        retired_at timestamptz,
        UNIQUE (service_id, version)
      );
      ALTER TABLE service ADD CONSTRAINT service_published_version
        FOREIGN KEY (published_version_id) REFERENCES service_version(id);

      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        service_id uuid NOT NULL REFERENCES service(id),
        service_version_id uuid NOT NULL REFERENCES service_version(id),
        applicant_id uuid NOT NULL REFERENCES app_user(id),
        on_behalf_of text,
        data jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted','in-review','approved','rejected','cancelled')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- "My orders": newest first per applicant, and per represented entity.
      CREATE INDEX application_applicant ON application (applicant_id, submitted_at DESC, id);
      CREATE INDEX application_entity ON application (on_behalf_of, submitted_at DESC, id) WHERE on_behalf_of IS NOT NULL;
      CREATE INDEX application_service ON application (service_id, submitted_at DESC, id);

      CREATE TABLE application_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        -- clock_timestamp, not now(): steps written in one transaction keep their order.
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        kind text NOT NULL,
        status text NOT NULL,
        actor_id uuid REFERENCES app_user(id),
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX application_event_application ON application_event (application_id, at);

      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid REFERENCES application(id),
        agency_id uuid NOT NULL REFERENCES agency(id),
        kind text NOT NULL,
        name jsonb NOT NULL,
        candidate_groups text[] NOT NULL DEFAULT '{}',
        assignee_id uuid REFERENCES app_user(id),
        state text NOT NULL CHECK (state IN ('open','completed','cancelled')),
        form_key text,
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        completed_by uuid REFERENCES app_user(id),
        result jsonb
      );
      CREATE INDEX task_inbox ON task (agency_id, state, created_at);
      CREATE INDEX task_application ON task (application_id);

      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid REFERENCES application(id),
        owner_id uuid NOT NULL REFERENCES app_user(id),
        filename text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_application ON document (application_id);

      CREATE TABLE terms_of_use (
        version integer PRIMARY KEY,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        effective_from timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE terms_acceptance (
        user_id uuid NOT NULL REFERENCES app_user(id),
        version integer NOT NULL REFERENCES terms_of_use(version),
        accepted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, version)
      );

      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        object_type text NOT NULL,
        object_id text NOT NULL,
        before_digest text,
        after_digest text,
        details jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE INDEX audit_event_object ON audit_event (object_type, object_id, seq);

      -- Append-only: the application may only insert. Tampering needs the table owner to
      -- disable this trigger first, and the hash chain still shows it (npm run audit:verify).
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
      END $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_event, terms_acceptance, terms_of_use, document, task, application_event,
        application, service_version, service, oidc_login, session, representation, app_user, agency CASCADE;
      DROP FUNCTION audit_event_append_only();
    `);
  }
}
