-- The role KAccount Desk connects as on a shared PostgreSQL store.
--
-- It owns nothing, so it cannot drop or disable the history triggers, alter or drop tables, or
-- TRUNCATE; it reads and writes the working tables, and may only add to the history tables
-- (ticket_events, application_events) and the ticket search index. The audit log and its head
-- it may only read: entries are appended through audit_append(), which adds the next entry after
-- the head and nothing else. In staff it may add people and change only what the desks change
-- (active, failed logins, the lock, a password), never a role or a staff ID; every change to staff
-- is written to staff_changes by a trigger that runs as the owner, so one made past the app is
-- found by `kaccount-desk audit verify`.
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
REVOKE INSERT, UPDATE, DELETE ON alembic_version, audit_log, audit_head, staff_changes, store_identity FROM kaccount_app;
REVOKE UPDATE, DELETE ON staff FROM kaccount_app;
GRANT UPDATE (active, failed_logins, locked_until, password_hash) ON staff TO kaccount_app;
-- Key slots: a desk reads them at every login, adds one for a new colleague or a reset, drops one
-- for a leaver, reseals a private key at a password change and every sealed copy at a rotation;
-- it never renames a slot or changes its owner or public key in place.
REVOKE UPDATE ON key_slots FROM kaccount_app;
GRANT UPDATE (sealed_private, kdf, sealed_key, fingerprint) ON key_slots TO kaccount_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kaccount_app;
GRANT EXECUTE ON FUNCTION audit_head_lock(), audit_append(integer, timestamp, varchar, varchar, varchar, text, varchar, varchar)
    TO kaccount_app;
