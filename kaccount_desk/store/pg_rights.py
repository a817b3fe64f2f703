"""The rights roles hold on a PostgreSQL store's objects, read so that a restore can grant them again.

``pg_restore --clean`` drops every table, sequence and function and makes them again owned by the
restoring role with no rights for anyone else. What other roles could do (the desk group's
table and column grants, EXECUTE on functions) is read from the catalogue before, as GRANT
statements with every name qualified (the restore script empties ``search_path``). They run in
the restore's transaction, each in its own sub-transaction, so an object the backup does not
have (a backup from before a table was added) is passed over rather than failing the restore.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

_OUTSIDE = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
_GRANTEE = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END"

# Functions first lose the default EXECUTE for PUBLIC where it had been taken away, then get theirs.
_RIGHTS = f"""
SELECT format('GRANT %s ON %s %I.%I TO %s', a.privilege_type, CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
              n.nspname, c.relname, {_GRANTEE})
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
 WHERE {_OUTSIDE} AND a.grantee <> c.relowner
UNION ALL
SELECT format('GRANT %s (%I) ON %I.%I TO %s', a.privilege_type, att.attname, n.nspname, c.relname, {_GRANTEE})
  FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
       aclexplode(att.attacl) a
 WHERE {_OUTSIDE} AND NOT att.attisdropped AND a.grantee <> c.relowner
UNION ALL
SELECT format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', p.oid::regprocedure)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE {_OUTSIDE} AND p.proacl IS NOT NULL
UNION ALL
SELECT format('GRANT %s ON FUNCTION %s TO %s', a.privilege_type, p.oid::regprocedure, {_GRANTEE})
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(p.proacl) a
 WHERE {_OUTSIDE} AND a.grantee <> p.proowner
"""


def tables(url: str) -> list[str]:
    """Every table of the store, qualified and quoted, for the restore to lock."""
    engine = create_engine(url, hide_parameters=True)
    try:
        with engine.connect() as connection:
            found = connection.execute(text(f"SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                                            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND {_OUTSIDE}"))
            return [str(t) for t in found.scalars()]
    finally:
        engine.dispose()


def regrant_script(url: str) -> str:
    """A psql script granting again, after a restore, every right roles other than the owner hold now."""
    engine = create_engine(url, hide_parameters=True)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SET search_path = ''")  # every name in the statements comes out qualified
            statements = [str(s) for s in connection.execute(text(_RIGHTS)).scalars()]
    finally:
        engine.dispose()
    return _script(statements)


def _script(statements: list[str]) -> str:
    literals = ",\n  ".join("'" + s.replace("'", "''") + "'" for s in statements)
    return f"""DO $regrant$
DECLARE s text;
BEGIN
  FOREACH s IN ARRAY ARRAY[{literals}]::text[] LOOP
    BEGIN
      EXECUTE s;
    EXCEPTION WHEN undefined_table OR undefined_column OR undefined_function OR undefined_object THEN
      NULL;  -- not in the restored backup
    END;
  END LOOP;
END
$regrant$;
""" if statements else "SELECT 1;\n"
