import type postgres from "postgres";

/**
 * Checking foreign keys row by row and growing secondary indexes one entry at a time makes
 * up most of a COPY's cost. Like pg_restore, the loader drops them for the load and puts
 * them back afterwards, in the same transaction: re-adding a foreign key validates all rows
 * with one join, and an index built from sorted data is several times faster. If the
 * transaction fails, PostgreSQL rolls the DDL back with it, so the schema never changes.
 *
 * Definitions are read from the catalog (pg_get_constraintdef, pg_get_indexdef), so they
 * come back exactly as the migrations made them, names included.
 */

interface Restorable {
  drop: string;
  restore: string;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops the foreign keys of `tables` (qualified names, e.g. `person.persons`) and their
 * plain secondary indexes; returns the statements that restore them. Primary keys and
 * unique indexes stay, as they guard the data while it loads.
 */
export async function suspendForeignKeysAndIndexes(
  tx: postgres.TransactionSql,
  tables: readonly string[],
): Promise<() => Promise<void>> {
  const foreignKeys = await tx<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and conrelid = any(${tables}::regclass[])
    order by conrelid::regclass::text, conname`;
  const indexes = await tx<{ name: string; definition: string }[]>`
    select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
    from pg_index
    where indrelid = any(${tables}::regclass[])
      and not indisunique and not indisprimary
      and not exists (select 1 from pg_constraint c where c.conindid = pg_index.indexrelid)
    order by indexrelid::regclass::text`;
  const suspended: Restorable[] = [
    ...foreignKeys.map((fk) => ({
      drop: `alter table ${fk.table} drop constraint ${quoteIdentifier(fk.name)}`,
      restore: `alter table ${fk.table} add constraint ${quoteIdentifier(fk.name)} ${fk.definition}`,
    })),
    ...indexes.map((index) => ({ drop: `drop index ${index.name}`, restore: index.definition })),
  ];
  for (const item of suspended) await tx.unsafe(item.drop);
  return async () => {
    // Index builds sort in memory when they can.
    await tx`set local maintenance_work_mem = '256MB'`;
    // Indexes first: the foreign-key checks that follow can use them.
    for (const item of [...suspended].reverse()) await tx.unsafe(item.restore);
  };
}
