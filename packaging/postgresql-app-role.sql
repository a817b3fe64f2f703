-- The role KAccount Desk connects as on a shared PostgreSQL store.
--
-- It owns nothing, so it cannot drop or disable the history triggers, alter or drop tables, or
-- TRUNCATE; it reads and writes the working tables, and may only add to the history tables
-- (audit_log, ticket_events, application_events) and the ticket search index.
--
-- Run as the database's owner (the account that ran the migrations), after the first start and
-- after every upgrade of the program (new tables need their grants):
--     psql "postgresql://OWNER@HOST/kaccount" -f packaging/postgresql-app-role.sql
-- then give each desk PC a login that is a member of the group, and use that login in --db:
--     CREATE ROLE desk1 LOGIN PASSWORD '...' IN ROLE kaccount_app;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kaccount_app') THEN
        CREATE ROLE kaccount_app NOLOGIN;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO kaccount_app', current_database());
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kaccount_app;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kaccount_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kaccount_app;
REVOKE UPDATE, DELETE ON audit_log, application_events, ticket_events, ticket_search FROM kaccount_app;
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM kaccount_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kaccount_app;
