import type postgres from "postgres";

/**
 * Appends register changes the way the register does: seqs taken from the change sequence
 * under its row lock (commit order), rows in the change log, then NOTIFY.
 */
export async function registerChanges(
  sql: postgres.Sql,
  rows: { personCode: string; dataGroups: string[] }[],
) {
  await sql.begin(async (tx) => {
    const [counter] = await tx`
      insert into person.change_sequence (id, value) values (1, ${rows.length})
      on conflict (id) do update set value = person.change_sequence.value + ${rows.length} returning value`;
    const first = Number(counter!.value) - rows.length + 1;
    await tx`
      insert into person.change_log (seq, person_code, data_groups, kind)
      select ${first} + ordinality - 1, code, string_to_array(groups, ','), 'TEST'
      from unnest(${rows.map((r) => r.personCode)}::text[], ${rows.map((r) => r.dataGroups.join(","))}::text[])
        with ordinality as t(code, groups, ordinality)`;
    await tx`select pg_notify('register_changes', ${String(first + rows.length - 1)})`;
  });
}
