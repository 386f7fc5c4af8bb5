import type { Sex } from "@rnp/common";
import { ChangeLogPlan } from "./changeLogPlan";
import { decodeField, encodeField, encodeSimpleArray } from "./copyText";
import { DeclarationPlan, NameHistoryPlan } from "./datedRows";
import { isoOfDay, NO_DAY } from "./days";
import type { AnonymisationPlan } from "./plan";

/**
 * How each register table is read and rewritten. `select` lists the target table's columns
 * in order (what COPY writes), then context columns of the person the row belongs to,
 * which `rewrite` uses and drops. Every decision was made in the plan (`plan.ts`); a
 * rewrite only looks it up, row by row, as the source streams past.
 */
export interface TableRewrite {
  /** `person.persons` */
  table: string;
  /** Target columns, in the order `select` returns them. */
  columns: readonly string[];
  /** The source query (a SELECT), in the order the plan read it. */
  select: string;
  /** Null: copied as it is. */
  rewrite: ((fields: string[]) => string[]) | null;
  /** The index to order the table's rows by once written, so their place says nothing of the source's. */
  clusterOn?: string;
}

const dayField = (day: number) => (day === NO_DAY ? "\\N" : isoOfDay(day));

/** The rewrites of every register table, in foreign-key order. */
export function registerTables(plan: AnonymisationPlan): TableRewrite[] {
  const { persons, nameMapper: names } = plan;
  const code = (field: string) => persons.mapCode(field);
  return [
    {
      table: "person.addresses",
      columns: [
        "address_code",
        "kind",
        "name",
        "parent_code",
        "municipality_code",
        "building_code",
        "postal_code",
        "full_address",
      ],
      select:
        "select address_code, kind, name, parent_code, municipality_code, building_code, postal_code, full_address from person.addresses order by address_code",
      rewrite: null,
    },
    {
      table: "person.persons",
      columns: [
        "person_code",
        "former_person_codes",
        "given_name",
        "surname",
        "surname_at_birth",
        "sex",
        "birth_date",
        "birth_place",
        "birth_country",
        "citizenship_status",
        "citizenship_country",
        "nationality",
        "death_date",
        "death_place",
      ],
      select:
        "select person_code, former_person_codes, given_name, surname, surname_at_birth, sex, birth_date, birth_place, birth_country, citizenship_status, citizenship_country, nationality, death_date, death_place from person.persons order by person_code",
      clusterOn: "primary",
      rewrite: (f) => {
        const [personCode = "", , given = "", surname = "", atBirth = "", sex = "MALE"] = f;
        const s = sex as Sex;
        const index = persons.indexOf(personCode);
        if (index < 0) throw new Error("a person appeared after the plan was read");
        const out = persons.outputOf(index);
        return [
          out.personCode,
          encodeSimpleArray(out.formerCodes),
          encodeField(names.givenName(personCode, s, decodeField(given) ?? "")),
          encodeField(names.surname(s, decodeField(surname) ?? "")),
          encodeField(names.surname(s, decodeField(atBirth) ?? "")),
          sex,
          out.birthDate,
          encodeField(out.birthPlace),
          encodeField(out.birthCountry),
          out.citizenshipStatus,
          encodeField(out.citizenshipCountry),
          encodeField(out.nationality),
          encodeField(out.deathDate),
          encodeField(out.deathPlace),
        ];
      },
    },
    {
      table: "person.declared_addresses",
      columns: ["id", "person_code", "address_code", "kind", "declared_from", "declared_to"],
      select: DeclarationPlan.select,
      clusterOn: "primary",
      rewrite: (f) => {
        const [id = "", personCode = "", address = "", kind = ""] = f;
        const row = plan.declarations.rewrite(id, plan.addresses, address);
        return [
          String(row.id),
          code(personCode),
          row.addressCode,
          kind,
          isoOfDay(row.from),
          dayField(row.to),
        ];
      },
    },
    {
      table: "person.identity_documents",
      columns: [
        "id",
        "person_code",
        "type",
        "number",
        "issuer",
        "issue_date",
        "expiry_date",
        "status",
        "status_reason",
        "status_changed_on",
      ],
      select:
        "select id, person_code, type, number, issuer, issue_date, expiry_date, status, status_reason, status_changed_on from person.identity_documents order by id",
      clusterOn: "primary",
      rewrite: (f) => {
        const [id = "", personCode = "", type = "", number = "", , issueDate = "", , status = ""] = f;
        const row = plan.documents.rewrite(id, personCode, {
          issueDate,
          status,
          statusReason: decodeField(f[8] ?? "\\N"),
          statusChangedOn: decodeField(f[9] ?? "\\N"),
        });
        return [
          String(row.id),
          row.personCode,
          type,
          encodeField(plan.documentNumbers.map(decodeField(number) ?? "")),
          encodeField(row.issuer),
          row.issueDate,
          row.expiryDate,
          status,
          encodeField(row.statusReason),
          encodeField(row.statusChangedOn),
        ];
      },
    },
    {
      table: "person.name_history",
      columns: ["id", "person_code", "given_name", "surname", "valid_from", "valid_to", "change_reason"],
      select: NameHistoryPlan.select,
      clusterOn: "primary",
      rewrite: (f) => {
        const [id = "", personCode = "", given = "", surname = "", , , reason = "", sex = "MALE"] = f;
        const s = sex as Sex;
        const row = plan.names.rewrite(id);
        return [
          String(row.id),
          code(personCode),
          encodeField(names.givenName(personCode, s, decodeField(given) ?? "")),
          encodeField(names.surname(s, decodeField(surname) ?? "")),
          isoOfDay(row.from),
          isoOfDay(row.to),
          reason,
        ];
      },
    },
    {
      table: "person.marriages",
      columns: ["id", "spouse_a", "spouse_b", "married_on", "place", "divorced_on"],
      select:
        "select id, spouse_a, spouse_b, married_on, place, divorced_on from person.marriages order by id",
      clusterOn: "primary",
      rewrite: (f) => {
        const row = plan.marriages.rewrite(f[0] ?? "");
        return [
          String(row.id),
          code(f[1] ?? ""),
          code(f[2] ?? ""),
          isoOfDay(row.marriedOn),
          encodeField(row.place),
          dayField(row.divorcedOn),
        ];
      },
    },
    {
      table: "person.parent_child",
      columns: ["parent_code", "child_code", "role"],
      select:
        "select parent_code, child_code, role from person.parent_child order by parent_code, child_code",
      clusterOn: "parent_child_pk",
      rewrite: (f) => [code(f[0] ?? ""), code(f[1] ?? ""), f[2] ?? ""],
    },
    {
      table: "person.change_log",
      columns: ["seq", "person_code", "data_groups", "kind", "changed_at"],
      // A log too short to hide a row in is left out: no row comes from this select.
      select: plan.changes.copied
        ? ChangeLogPlan.select
        : `${ChangeLogPlan.select.replace(" order by", " where false order by")}`,
      clusterOn: "primary",
      rewrite: (f) => {
        const row = plan.changes.rewrite(f[0] ?? "");
        return [String(row.seq), code(f[1] ?? ""), row.dataGroups, row.kind, row.changedAt];
      },
    },
    {
      table: "person.change_sequence",
      columns: ["id", "value"],
      select: "select id, value from person.change_sequence order by id",
      // The counter continues after the renumbered log: it tells the number of rows copied.
      rewrite: (f) => [f[0] ?? "", String(plan.changes.copied ? plan.changes.rows : 0)],
    },
    {
      table: "person.seed_info",
      columns: ["id", "seed", "persons", "generated_at"],
      select: "select id, seed, persons, generated_at from person.seed_info order by id",
      // The generator's seed would regenerate a synthetic source exactly: it is not copied.
      rewrite: (f) => [f[0] ?? "", "0", String(persons.size), f[3] ?? ""],
    },
  ];
}
