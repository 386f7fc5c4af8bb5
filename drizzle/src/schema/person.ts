import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Register data, owned by the person subgraph. */
export const personSchema = pgSchema("person");

export const sexEnum = personSchema.enum("sex", ["MALE", "FEMALE"]);
export const citizenshipStatusEnum = personSchema.enum("citizenship_status", [
  "CITIZEN",
  "NON_CITIZEN",
  "FOREIGNER",
  "STATELESS",
]);
export const addressKindEnum = personSchema.enum("address_kind", [
  "MUNICIPALITY",
  "CITY",
  "PARISH",
  "TOWN",
  "VILLAGE",
  "STREET",
  "BUILDING",
  "FLAT",
]);
export const declarationKindEnum = personSchema.enum("declaration_kind", ["DECLARED", "ADDITIONAL"]);
export const documentTypeEnum = personSchema.enum("document_type", ["PASSPORT", "EID_CARD"]);
export const documentStatusEnum = personSchema.enum("document_status", ["VALID", "EXPIRED", "INVALID"]);
export const nameChangeReasonEnum = personSchema.enum("name_change_reason", [
  "MARRIAGE",
  "DIVORCE",
  "APPLICATION",
]);
export const parentRoleEnum = personSchema.enum("parent_role", ["MOTHER", "FATHER"]);

export const persons = personSchema.table(
  "persons",
  {
    personCode: char("person_code", { length: 11 }).primaryKey(),
    /** Earlier personal codes, e.g. an old-format code replaced by a new-format one. */
    formerPersonCodes: text("former_person_codes").array().notNull().default(sql`'{}'::text[]`),
    givenName: text("given_name").notNull(),
    surname: text("surname").notNull(),
    surnameAtBirth: text("surname_at_birth").notNull(),
    sex: sexEnum("sex").notNull(),
    birthDate: date("birth_date").notNull(),
    birthPlace: text("birth_place").notNull(),
    birthCountry: char("birth_country", { length: 3 }).notNull(),
    citizenshipStatus: citizenshipStatusEnum("citizenship_status").notNull(),
    /** ISO 3166-1 alpha-3 country of citizenship; null for non-citizens and stateless persons. */
    citizenshipCountry: char("citizenship_country", { length: 3 }),
    /** Ethnic nationality (tautība) as recorded, e.g. "latvietis". */
    nationality: text("nationality"),
    deathDate: date("death_date"),
    deathPlace: text("death_place"),
  },
  (t) => [
    index("persons_birth_date_idx").on(t.birthDate),
    // searchPersons: a former code resolves to its person (`former_person_codes @> array[$1]`).
    index("persons_former_codes_idx").using("gin", t.formerPersonCodes),
    // searchPersons by name and birth date, case- and diacritics-insensitive: `fold_name`
    // (lower + unaccent, created in the migration) so `berzins` finds `Bērziņš`. Written by
    // PostgreSQL on every insert and update, so loaders and register changes need no extra column.
    index("persons_folded_name_birth_idx").on(
      sql`person.fold_name("surname")`,
      sql`person.fold_name("given_name")`,
      t.birthDate,
    ),
  ],
);

/** The synthetic State Address Register: municipalities down to flats. Codes are never reused. */
export const addresses = personSchema.table(
  "addresses",
  {
    addressCode: char("address_code", { length: 9 }).primaryKey(),
    kind: addressKindEnum("kind").notNull(),
    name: text("name").notNull(),
    parentCode: char("parent_code", { length: 9 }),
    municipalityCode: char("municipality_code", { length: 9 }).notNull(),
    /** For buildings the building itself, for flats their building; null above buildings. */
    buildingCode: char("building_code", { length: 9 }),
    postalCode: text("postal_code"),
    fullAddress: text("full_address").notNull(),
  },
  (t) => [
    index("addresses_parent_idx").on(t.parentCode),
    // A building's flats, for residents and searchPersons(addressCode:) of a building.
    index("addresses_building_idx").on(t.buildingCode),
  ],
);

export const declaredAddresses = personSchema.table(
  "declared_addresses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    personCode: char("person_code", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    addressCode: char("address_code", { length: 9 })
      .notNull()
      .references(() => addresses.addressCode),
    kind: declarationKindEnum("kind").notNull(),
    declaredFrom: date("declared_from").notNull(),
    /** Null while the declaration is current. */
    declaredTo: date("declared_to"),
  },
  (t) => [
    index("declared_addresses_person_idx").on(t.personCode),
    index("declared_addresses_address_idx").on(t.addressCode).where(sql`${t.declaredTo} is null`),
  ],
);

export const identityDocuments = personSchema.table(
  "identity_documents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    personCode: char("person_code", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    type: documentTypeEnum("type").notNull(),
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    issueDate: date("issue_date").notNull(),
    expiryDate: date("expiry_date").notNull(),
    status: documentStatusEnum("status").notNull(),
    /** Why the status last changed, e.g. "lost", "stolen", "replaced", "holder died". */
    statusReason: text("status_reason"),
    statusChangedOn: date("status_changed_on"),
  },
  (t) => [
    uniqueIndex("identity_documents_number_idx").on(t.number),
    index("identity_documents_person_idx").on(t.personCode),
  ],
);

/** Earlier name forms: one row per name a person carried before the current one. */
export const nameHistory = personSchema.table(
  "name_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    personCode: char("person_code", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    givenName: text("given_name").notNull(),
    surname: text("surname").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    /** Why the name carried in this row was replaced. */
    changeReason: nameChangeReasonEnum("change_reason").notNull(),
  },
  (t) => [index("name_history_person_idx").on(t.personCode)],
);

export const marriages = personSchema.table(
  "marriages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    spouseA: char("spouse_a", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    spouseB: char("spouse_b", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    marriedOn: date("married_on").notNull(),
    place: text("place").notNull(),
    divorcedOn: date("divorced_on"),
  },
  (t) => [index("marriages_spouse_a_idx").on(t.spouseA), index("marriages_spouse_b_idx").on(t.spouseB)],
);

export const parentChild = personSchema.table(
  "parent_child",
  {
    parentCode: char("parent_code", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    childCode: char("child_code", { length: 11 })
      .notNull()
      .references(() => persons.personCode),
    role: parentRoleEnum("role").notNull(),
  },
  (t) => [
    uniqueIndex("parent_child_pk").on(t.parentCode, t.childCode),
    index("parent_child_child_idx").on(t.childCode),
  ],
);

/** Row counts used to tell whether the register is seeded. */
export const seedInfo = personSchema.table("seed_info", {
  id: integer("id").primaryKey(),
  seed: integer("seed").notNull(),
  persons: integer("persons").notNull(),
  generatedAt: text("generated_at").notNull(),
});

/**
 * The register's change log: one row per person per change, a published append-only feed
 * that the monitoring subgraph follows. `seq` is assigned from `change_sequence` as the
 * last step of each change's transaction, under that row's lock, so sequence order is
 * commit order: a reader that has seen seq N has seen every row below N.
 */
export const changeLog = personSchema.table(
  "change_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    personCode: char("person_code", { length: 11 }).notNull(),
    dataGroups: text("data_groups").array().notNull(),
    /** What happened, e.g. ADDRESS_DECLARED, MARRIAGE, DEATH, MUNICIPALITY_RENAMED. */
    kind: text("kind").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("change_log_person_idx").on(t.personCode)],
);

/** The single counter behind `change_log.seq` (id = 1). */
export const changeSequence = personSchema.table("change_sequence", {
  id: integer("id").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
});

/**
 * A published read-only feed, like `change_log`: per person, exactly the values grant
 * conditions test (see `ConditionSubject` in common/src/conditions.ts), so another subgraph
 * (monitoring, filtering notifications by the grant's conditions at delivery) can evaluate
 * them without reading the register's tables. `municipality_code` is that of the current
 * declared residence (the newest open DECLARED declaration), as the person subgraph takes it;
 * age is not stored: the reader computes it from `birth_date` on the day it delivers. The
 * join keeps the view read-only (PostgreSQL does not update through a view of a join).
 */
export const conditionSubjects = personSchema
  .view("condition_subjects", {
    personCode: char("person_code", { length: 11 }).notNull(),
    birthDate: date("birth_date").notNull(),
    sex: text("sex").notNull(),
    citizenshipStatus: text("citizenship_status").notNull(),
    citizenship: char("citizenship", { length: 3 }),
    deceased: boolean("deceased").notNull(),
    municipalityCode: char("municipality_code", { length: 9 }),
  })
  .as(sql`
    select p.person_code, p.birth_date, p.sex::text as sex, p.citizenship_status::text as citizenship_status,
           p.citizenship_country as citizenship, p.death_date is not null as deceased,
           residence.municipality_code
      from person.persons p
      left join lateral (
        select a.municipality_code
          from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
         where d.person_code = p.person_code and d.kind = 'DECLARED' and d.declared_to is null
         order by d.declared_from desc, d.id desc limit 1) residence on true`);
