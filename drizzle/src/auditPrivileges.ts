import type postgres from "postgres";

/** The NOLOGIN role the gateway's audit writes run as (`SET LOCAL ROLE`). */
export const AUDIT_WRITER_ROLE = "rnp_audit_writer";

/**
 * Makes the audit trail append-only, idempotently, after the migrations:
 * - `rnp_audit_writer` (NOLOGIN) may INSERT disclosures and read, insert and update the
 *   chain head; it has no UPDATE, DELETE or TRUNCATE on `audit.disclosures`.
 * - Triggers refuse UPDATE, DELETE and TRUNCATE of disclosures (and DELETE/TRUNCATE of the
 *   head) for every role, the owner and superusers included. The one maintenance path is
 *   deliberate and superuser-only: `SET session_replication_role = replica` in a session
 *   (ordinary triggers do not fire there), e.g. to restore from a backup.
 *
 * Not a drizzle migration because roles are cluster-wide: a database restored or cloned
 * into another cluster (as the tests do) lacks them, so they are (re)created at each start.
 */
export async function ensureAuditPrivileges(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    do $$ begin
      create role ${AUDIT_WRITER_ROLE} nologin;
    exception when duplicate_object or unique_violation then null;
    end $$;

    grant usage on schema audit to ${AUDIT_WRITER_ROLE};
    grant insert on audit.disclosures to ${AUDIT_WRITER_ROLE};
    grant select, insert, update on audit.chain_head to ${AUDIT_WRITER_ROLE};
    revoke update, delete, truncate on audit.disclosures from ${AUDIT_WRITER_ROLE};
    revoke delete, truncate on audit.chain_head from ${AUDIT_WRITER_ROLE};
    -- The session user (a superuser here) must be able to take the role.
    grant ${AUDIT_WRITER_ROLE} to current_user;

    create or replace function audit.refuse_change() returns trigger language plpgsql as $fn$
    begin
      raise exception 'the audit trail is append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
        using errcode = 'insufficient_privilege',
              hint = 'Disclosures are never changed or removed; a deliberate restore runs with session_replication_role = replica.';
    end $fn$;

    create or replace trigger disclosures_append_only before update or delete on audit.disclosures
      for each row execute function audit.refuse_change();
    create or replace trigger disclosures_no_truncate before truncate on audit.disclosures
      for each statement execute function audit.refuse_change();
    create or replace trigger chain_head_kept before delete on audit.chain_head
      for each row execute function audit.refuse_change();
    create or replace trigger chain_head_no_truncate before truncate on audit.chain_head
      for each statement execute function audit.refuse_change();
  `);
}
