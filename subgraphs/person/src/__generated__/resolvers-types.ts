import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRow, NameRecordRow, DeclaredAddressRow, AddressRow, DocumentRow } from '../repositories/personRepository';
import type { MarriageParent } from '../resolvers/Marriage';
import type { PersonConnectionParent } from '../resolvers/Query';
import type { PersonSearchPage, PersonSearchMatchParent } from '../resolvers/personSearch';
import type { PersonContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date in ISO 8601 form, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An address object of the State Address Register. */
export type Address = {
  __typename?: 'Address';
  /** 9-digit address code; codes are never reused. */
  addressCode: Scalars['String']['output'];
  /** The address written out in the official form, e.g. `Brīvības iela 12 - 5, Rīga, LV-1010`. */
  fullAddress: Scalars['String']['output'];
  /** What the code denotes: a municipality, city, parish, town, village, street, building or flat. */
  kind: AddressKind;
  /** Code of the municipality (city or novads) the address lies in. */
  municipalityCode: Scalars['String']['output'];
  /** Name of that municipality, e.g. `Rīga` or `Siguldas novads`. */
  municipalityName: Scalars['String']['output'];
  /** Postal code, e.g. `LV-1010`; `null` above the level of buildings. */
  postalCode?: Maybe<Scalars['String']['output']>;
};

/** Level of an address object. */
export type AddressKind =
  /** Building (house). */
  | 'BUILDING'
  /** State city (valstspilsēta). */
  | 'CITY'
  /** Flat in a building. */
  | 'FLAT'
  /** Municipality (novads). */
  | 'MUNICIPALITY'
  /** Rural parish (pagasts). */
  | 'PARISH'
  /** Street. */
  | 'STREET'
  /** Town (pilsēta) inside a municipality. */
  | 'TOWN'
  /** Village (ciems). */
  | 'VILLAGE';

/** Legal status of a person towards Latvia. */
export type CitizenshipStatus =
  /** Citizen of Latvia. */
  | 'CITIZEN'
  /** Citizen of another country. */
  | 'FOREIGNER'
  /** Non-citizen of Latvia (nepilsonis). */
  | 'NON_CITIZEN'
  /** Stateless person. */
  | 'STATELESS';

/** Civil status derived from the marriage records. */
export type CivilStatus =
  /** The last marriage was dissolved by divorce. */
  | 'DIVORCED'
  /** In a current marriage. */
  | 'MARRIED'
  /** Never married. */
  | 'SINGLE'
  /** The last marriage ended with the spouse's death. */
  | 'WIDOWED';

/** Kind of a declared address. */
export type DeclarationKind =
  /** An additional address declared besides the residence. */
  | 'ADDITIONAL'
  /** The declared place of residence. */
  | 'DECLARED';

/** An address declaration of a person. */
export type DeclaredAddress = {
  __typename?: 'DeclaredAddress';
  /** The address declared. */
  address: Address;
  /** First day of the declaration. */
  declaredFrom: Scalars['Date']['output'];
  /** Last day of the declaration; `null` while current. */
  declaredTo?: Maybe<Scalars['Date']['output']>;
  /** Residence (`DECLARED`) or an `ADDITIONAL` address. */
  kind: DeclarationKind;
};

/** An identity document that was issued or invalidated, with its holder. */
export type DocumentChange = {
  __typename?: 'DocumentChange';
  /** The document as it is after the change. */
  document: IdentityDocument;
  /** The holder (select `personCode`; read the rest with `person` under a grant). */
  holder: Person;
};

/** Status of an identity document. */
export type DocumentStatus =
  /** Past its expiry date. */
  | 'EXPIRED'
  /** Declared invalid before expiry (lost, stolen, replaced, holder died). */
  | 'INVALID'
  /** Valid. */
  | 'VALID';

/** Kind of identity document. */
export type DocumentType =
  /** Identity card with electronic identification (eID). */
  | 'EID_CARD'
  /** Passport. */
  | 'PASSPORT';

/** A passport or an identity card. */
export type IdentityDocument = {
  __typename?: 'IdentityDocument';
  /** Last day of validity. */
  expiryDate: Scalars['Date']['output'];
  /** Date of issue. */
  issueDate: Scalars['Date']['output'];
  /** Issuing authority, e.g. `PMLP Rīgas 1. nodaļa`. */
  issuer: Scalars['String']['output'];
  /** Document number as printed. */
  number: Scalars['String']['output'];
  /** Current status. */
  status: DocumentStatus;
  /** Date of the last status change; `null` if it never changed. */
  statusChangedOn?: Maybe<Scalars['Date']['output']>;
  /** Why the status last changed (e.g. `lost`, `stolen`, `replaced`, `holder died`); `null` if it never changed. */
  statusReason?: Maybe<Scalars['String']['output']>;
  /** Kind of document. */
  type: DocumentType;
};

/** A registered marriage. */
export type Marriage = {
  __typename?: 'Marriage';
  /** Date of divorce; `null` unless dissolved by divorce. */
  divorcedOn?: Maybe<Scalars['Date']['output']>;
  /** Date of the marriage. */
  marriedOn: Scalars['Date']['output'];
  /** Where the marriage was registered. */
  place: Scalars['String']['output'];
  /** The other spouse; `null` when the spouse falls outside the conditions of the caller's grant. */
  spouse?: Maybe<Person>;
};

/** The outcome of renaming a municipality. */
export type MunicipalityRenamed = {
  __typename?: 'MunicipalityRenamed';
  /** Addresses whose full form was rewritten (the municipality's own included). */
  addressesUpdated: Scalars['Int']['output'];
  /** The municipality, with its new name. */
  municipality: Address;
  /** Persons with a current declaration there, each logged once as a change of ADDRESS. */
  personsAffected: Scalars['Int']['output'];
  /** The name before the change. */
  previousName: Scalars['String']['output'];
};

/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Changes a person's given name and surname from a date; the old name goes into the name
   * history. Logged as a change of NAME.
   */
  changeName: Person;
  /**
   * Declares a new place of residence from a date: the current residence declaration ends the
   * day before, and the new one starts. Logged as a change of ADDRESS.
   */
  declareAddress: Person;
  /**
   * Declares a valid document invalid (lost, stolen, damaged, ...). Logged as a change of the
   * holder's DOCUMENTS.
   */
  invalidateDocument: DocumentChange;
  /**
   * Issues a passport or an eID card with a new unique number (`LV`, `LH` for non-citizens'
   * passports, or `PA` and 7 digits), valid 10 years (5 when issued before the holder turns
   * 20). The holder's previous valid document of the same type becomes invalid ("replaced").
   * Logged as a change of DOCUMENTS.
   */
  issueDocument: DocumentChange;
  /**
   * Registers a birth: a new person with a new-format personal code, the father's surname
   * (the mother's without a father) in the child's form, the mother's citizenship, residence
   * at the mother's declared address, and links to the parents. Logged for the child (every
   * group it now has) and as a change of FAMILY for each parent. Returns the child.
   */
  registerBirth: Person;
  /**
   * Registers a death: the date and place of death; valid documents become invalid ("holder
   * died"); current address declarations end on that date. Logged for the person (DEATH,
   * and DOCUMENTS and ADDRESS where they changed) and as a change of FAMILY for a living
   * spouse.
   */
  registerDeath: Person;
  /**
   * Registers the divorce of two persons married to each other. Logged as a change of FAMILY
   * for both. Returns spouse A.
   */
  registerDivorce: Person;
  /**
   * Registers a marriage between two living, unmarried adults of opposite sex; optionally B
   * takes A's surname in the form of B's sex (B's former name goes into the name history).
   * Logged as a change of FAMILY for both, and of NAME for B when renamed. Returns spouse A.
   */
  registerMarriage: Person;
  /**
   * Renames a municipality (city or novads), as in an administrative-territorial reform: the
   * name, and every full address in the municipality, change at once. Logged as a change of
   * ADDRESS for every person with a current declaration (residence or additional address)
   * there, in one transaction.
   */
  renameMunicipality: MunicipalityRenamed;
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationChangeNameArgs = {
  givenName: Scalars['String']['input'];
  on: Scalars['Date']['input'];
  personCode: Scalars['String']['input'];
  reason: NameChangeReason;
  surname: Scalars['String']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationDeclareAddressArgs = {
  addressCode: Scalars['String']['input'];
  from: Scalars['Date']['input'];
  personCode: Scalars['String']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationInvalidateDocumentArgs = {
  number: Scalars['String']['input'];
  on: Scalars['Date']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationIssueDocumentArgs = {
  issuer: Scalars['String']['input'];
  on: Scalars['Date']['input'];
  personCode: Scalars['String']['input'];
  type: DocumentType;
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationRegisterBirthArgs = {
  input: RegisterBirthInput;
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationRegisterDeathArgs = {
  on: Scalars['Date']['input'];
  personCode: Scalars['String']['input'];
  place: Scalars['String']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationRegisterDivorceArgs = {
  on: Scalars['Date']['input'];
  personCodeA: Scalars['String']['input'];
  personCodeB: Scalars['String']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationRegisterMarriageArgs = {
  on: Scalars['Date']['input'];
  personCodeA: Scalars['String']['input'];
  personCodeB: Scalars['String']['input'];
  place: Scalars['String']['input'];
  surnameOfA?: Scalars['Boolean']['input'];
};


/**
 * Changes to the register, for the register's operator only. Each is one transaction that
 * also appends its rows to the commit-ordered change log; a refused change writes nothing.
 * Personal codes are accepted with or without the hyphen. The `Person` a change returns
 * carries only `personCode` for the operator: its data fields are disclosures and need a
 * grant, so read them with `person` under one (selecting them here is refused before anything
 * is written).
 */
export type MutationRenameMunicipalityArgs = {
  municipalityCode: Scalars['String']['input'];
  newName: Scalars['String']['input'];
};

/** Why a name changed. */
export type NameChangeReason =
  /** Changed on the person's own application. */
  | 'APPLICATION'
  /** Returned to an earlier surname after divorce. */
  | 'DIVORCE'
  /** Took the spouse's surname (or a double surname) on marriage. */
  | 'MARRIAGE';

/** A name the person carried earlier. */
export type NameRecord = {
  __typename?: 'NameRecord';
  /** Why this name was replaced by the next one. */
  changeReason: NameChangeReason;
  /** Given name(s) carried in this period. */
  givenName: Scalars['String']['output'];
  /** Surname carried in this period. */
  surname: Scalars['String']['output'];
  /** First day the name was carried. */
  validFrom: Scalars['Date']['output'];
  /** Last day the name was carried. */
  validTo: Scalars['Date']['output'];
};

/** Position of a page in a longer list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page; `null` on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * A natural person in the Register of Natural Persons. Every field but `personCode` belongs
 * to a data group, and a requester sees only the groups its grant covers.
 */
export type Person = {
  __typename?: 'Person';
  /** Current additional addresses declared besides the residence. */
  additionalAddresses: Array<DeclaredAddress>;
  /** Every declared address, current and past, newest first. */
  addressHistory: Array<DeclaredAddress>;
  /** Country of birth, ISO 3166-1 alpha-3 (e.g. `LVA`). */
  birthCountry: Scalars['String']['output'];
  /** Date of birth. */
  birthDate: Scalars['Date']['output'];
  /** Place of birth: town or city, as registered. */
  birthPlace: Scalars['String']['output'];
  /** Registered children, oldest first. */
  children: Array<Person>;
  /** Country of citizenship, ISO 3166-1 alpha-3; `null` for non-citizens and stateless persons. */
  citizenship?: Maybe<Scalars['String']['output']>;
  /** Legal status towards Latvia: citizen, non-citizen, foreigner or stateless person. */
  citizenshipStatus: CitizenshipStatus;
  /** Civil status derived from the marriage records and the spouse's death. */
  civilStatus: CivilStatus;
  /** Date of death; `null` while alive. */
  deathDate?: Maybe<Scalars['Date']['output']>;
  /** Place of death; `null` while alive. */
  deathPlace?: Maybe<Scalars['String']['output']>;
  /** Whether the register holds a death record for the person. */
  deceased: Scalars['Boolean']['output'];
  /** The current declared residence address; `null` when none is declared (e.g. after death). */
  declaredAddress?: Maybe<DeclaredAddress>;
  /** The registered father; `null` when not recorded. */
  father?: Maybe<Person>;
  /** Personal codes the person had before, e.g. an old-format code replaced by a new-format one. */
  formerPersonCodes: Array<Scalars['String']['output']>;
  /** Given name(s), as registered, with diacritics. */
  givenName: Scalars['String']['output'];
  /** Identity documents (passports, eID cards), newest first; filter by status if given. */
  identityDocuments: Array<IdentityDocument>;
  /** Every registered marriage, newest first, including dissolved ones. */
  marriages: Array<Marriage>;
  /** The registered mother; `null` when not recorded. */
  mother?: Maybe<Person>;
  /** Earlier name forms, newest first, each with the period it was carried and why it changed. */
  nameHistory: Array<NameRecord>;
  /** Ethnic nationality (tautība) as recorded, e.g. `latvietis`; `null` when not recorded. */
  nationality?: Maybe<Scalars['String']['output']>;
  /** The current personal code, written with the hyphen (`DDMMYY-CNNNX`). */
  personCode: Scalars['String']['output'];
  /** Whether the current personal code is of the old format (with the birth date) or the new one. */
  personCodeFormat: PersonCodeFormat;
  /** Sex as registered. */
  sex: Sex;
  /** The spouse of the current marriage; `null` when not married. */
  spouse?: Maybe<Person>;
  /** Current surname, in the form of the person's sex (e.g. Bērziņš, Bērziņa). */
  surname: Scalars['String']['output'];
  /** Surname at birth; differs from `surname` after a change, e.g. on marriage. */
  surnameAtBirth: Scalars['String']['output'];
};


/**
 * A natural person in the Register of Natural Persons. Every field but `personCode` belongs
 * to a data group, and a requester sees only the groups its grant covers.
 */
export type PersonIdentityDocumentsArgs = {
  status?: InputMaybe<DocumentStatus>;
};

/** Format of a personal code. */
export type PersonCodeFormat =
  /** `32NNNN-NNNNN`: issued since 1 July 2017, no birth date inside. */
  | 'NEW'
  /** `DDMMYY-CNNNX`: birth date, century digit, serial, check digit. */
  | 'OLD';

/** A page of persons. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  /** The persons on this page. */
  nodes: Array<Person>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many persons match in all. */
  totalCount: Scalars['Int']['output'];
};

/** A page of the persons a search found. */
export type PersonSearchConnection = {
  __typename?: 'PersonSearchConnection';
  /** The persons on this page, each with how the identifier matched. */
  nodes: Array<PersonSearchMatch>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
  /** How many persons the search found in all (persons outside the grant's conditions are not counted). */
  totalCount: Scalars['Int']['output'];
};

/** One person found by `searchPersons`. */
export type PersonSearchMatch = {
  __typename?: 'PersonSearchMatch';
  /** The person's current personal code, with the hyphen; differs from the one searched when that was a former code. */
  currentPersonCode: Scalars['String']['output'];
  /** Which identifier matched. */
  matchedBy: PersonSearchMatchKind;
  /** The person; each of its fields needs its data group, as everywhere. */
  person: Person;
};

/** How a search's identifier matched a person. */
export type PersonSearchMatchKind =
  /** The person's current declared residence is the address or a flat of the building. */
  | 'ADDRESS_CODE'
  /** The personal code searched is the person's current one. */
  | 'CURRENT_PERSON_CODE'
  /** The person holds (or held) the identity document. */
  | 'DOCUMENT_NUMBER'
  /** The personal code searched is one the person had before; use `currentPersonCode` from now on. */
  | 'FORMER_PERSON_CODE'
  /** Given name, surname and birth date, ignoring case and diacritics. */
  | 'NAME_AND_BIRTH_DATE';

export type Query = {
  __typename?: 'Query';
  /** An address of the State Address Register by its 9-digit code; `null` when unknown. */
  address?: Maybe<Address>;
  /**
   * One person by personal code, written with or without the hyphen (`161175-19997` or
   * `16117519997`). An invalid code is a `BAD_USER_INPUT` error that says what is wrong
   * (length, date or check digit); a valid code that the register does not know gives `null`.
   */
  person?: Maybe<Person>;
  /**
   * The holder of an identity document (passport or eID card) by its number, whatever the
   * document's status; `null` when no document has that number.
   */
  personByDocument?: Maybe<Person>;
  /**
   * Several persons in one call, in the order of `personCodes`: `null` where a valid code is
   * unknown, and a `BAD_USER_INPUT` error at that position where a code is invalid (the
   * others are still returned). At most `PERSONS_BATCH_LIMIT` codes (default 1000) a call.
   */
  persons: Array<Maybe<Person>>;
  /**
   * Persons whose current declared address is the given building or flat (a building's
   * residents include those of its flats), ordered by personal code, a page at a time.
   */
  residents: PersonConnection;
  /**
   * Finds persons by one kind of identifier (DU-11): a personal code, current or former; an
   * identity document number; an address code (the residents); or given name, surname and
   * birth date together. Give exactly one kind, else `BAD_USER_INPUT`. Each argument discloses
   * a data group, which the grant must cover when the operation writes the argument, and which
   * is audited for every person returned: `personCode` PERSON_CODES (it resolves former codes),
   * `documentNumber` DOCUMENTS, `addressCode` ADDRESS, `givenName` and `surname` NAME,
   * `birthDate` BIRTH. A person outside the grant's conditions is never returned nor counted,
   * exactly like one the register does not hold. Ordered by current personal code, a page at
   * a time.
   */
  searchPersons: PersonSearchConnection;
  /**
   * Test persons by characteristic, a page at a time, ordered by personal code: whom a
   * developer asks for to see a married person, a minor, a foreigner and so on. Only on a
   * TEST platform (`PLATFORM_ENVIRONMENT`); elsewhere `FORBIDDEN`. Needs a grant that covers
   * the characteristic's data group; every person listed is audited with that group (and the
   * groups of the characteristics shown), and persons outside the grant's conditions are not
   * listed.
   */
  testPersons: TestPersonConnection;
};


export type QueryAddressArgs = {
  addressCode: Scalars['String']['input'];
};


export type QueryPersonArgs = {
  personCode: Scalars['String']['input'];
};


export type QueryPersonByDocumentArgs = {
  documentNumber: Scalars['String']['input'];
};


export type QueryPersonsArgs = {
  personCodes: Array<Scalars['String']['input']>;
};


export type QueryResidentsArgs = {
  addressCode: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchPersonsArgs = {
  addressCode?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  givenName?: InputMaybe<Scalars['String']['input']>;
  personCode?: InputMaybe<Scalars['String']['input']>;
  surname?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTestPersonsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  characteristic: TestPersonCharacteristic;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A birth to register. */
export type RegisterBirthInput = {
  /** Date of birth, not in the future. */
  birthDate: Scalars['Date']['input'];
  /** Place of birth: town or city. */
  birthPlace: Scalars['String']['input'];
  /** The father's personal code; omit when no father is registered (the child takes the mother's surname). */
  fatherCode?: InputMaybe<Scalars['String']['input']>;
  /** The child's given name(s). */
  givenName: Scalars['String']['input'];
  /** The mother's personal code: a living woman. */
  motherCode: Scalars['String']['input'];
  /** The child's sex. */
  sex: Sex;
};

/** Sex as registered. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE';

/** A test person: a personal code to ask for, with the characteristics it is listed for. */
export type TestPerson = {
  __typename?: 'TestPerson';
  /**
   * The characteristics this person has, among those the request's grant covers the data
   * group of (the others are not shown).
   */
  characteristics: Array<TestPersonCharacteristic>;
  /** The person itself, each field under the grant's data groups as anywhere else. */
  person?: Maybe<Person>;
  /** The personal code to use in `person`, `persons` and the other entry points. */
  personCode: Scalars['String']['output'];
};

/**
 * A characteristic a requester's developer may need a test person for. Each one reveals a
 * fact of one data group about the persons listed; see `docs/TEST_PERSONS.md`.
 */
export type TestPersonCharacteristic =
  /** Died; the register keeps the record (DEATH). */
  | 'DECEASED'
  /** Had a marriage that ended in divorce (FAMILY). */
  | 'DIVORCED'
  /** Citizen of another country (CITIZENSHIP). */
  | 'FOREIGNER'
  /** Had an earlier personal code, now replaced (PERSON_CODES). */
  | 'FORMER_CODE'
  /** Holds an identity document that has been made invalid (lost, stolen, replaced) (DOCUMENTS). */
  | 'INVALID_DOCUMENT'
  /** Currently married (data group FAMILY). */
  | 'MARRIED'
  /** Under 18 years of age today (BIRTH). */
  | 'MINOR'
  /** Carried another name before (marriage, divorce, application) (NAME). */
  | 'NAME_CHANGED'
  /** Holds a new-format personal code `32…` (PERSON_CODES). */
  | 'NEW_FORMAT_CODE'
  /** Non-citizen of Latvia (nepilsonis) (CITIZENSHIP). */
  | 'NON_CITIZEN'
  /** Has no valid identity document (DOCUMENTS). */
  | 'NO_VALID_DOCUMENT'
  /** Has a parent and a child recorded (FAMILY). */
  | 'PARENT'
  /** 65 years of age or older today (BIRTH). */
  | 'PENSIONER'
  /** Has an additional declared address besides the residence (ADDRESS). */
  | 'SEVERAL_ADDRESSES'
  /** Stateless (CITIZENSHIP). */
  | 'STATELESS'
  /** Born on the same day as a sibling of the same mother (FAMILY). */
  | 'TWIN';

/** A page of test persons. */
export type TestPersonConnection = {
  __typename?: 'TestPersonConnection';
  /** The test persons on this page, by personal code. */
  nodes: Array<TestPerson>;
  /** Where this page ends and whether more follow. */
  pageInfo: PageInfo;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"personCode":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<AddressRow>;
  AddressKind: AddressKind;
  CitizenshipStatus: CitizenshipStatus;
  CivilStatus: CivilStatus;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DeclarationKind: DeclarationKind;
  DeclaredAddress: ResolverTypeWrapper<DeclaredAddressRow>;
  DocumentChange: ResolverTypeWrapper<Omit<DocumentChange, 'document' | 'holder'> & { document: ResolversTypes['IdentityDocument'], holder: ResolversTypes['Person'] }>;
  DocumentStatus: DocumentStatus;
  DocumentType: DocumentType;
  IdentityDocument: ResolverTypeWrapper<DocumentRow>;
  Marriage: ResolverTypeWrapper<MarriageParent>;
  MunicipalityRenamed: ResolverTypeWrapper<Omit<MunicipalityRenamed, 'municipality'> & { municipality: ResolversTypes['Address'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  NameChangeReason: NameChangeReason;
  NameRecord: ResolverTypeWrapper<NameRecordRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<PersonRow>;
  PersonCodeFormat: PersonCodeFormat;
  PersonConnection: ResolverTypeWrapper<PersonConnectionParent>;
  PersonSearchConnection: ResolverTypeWrapper<PersonSearchPage>;
  PersonSearchMatch: ResolverTypeWrapper<PersonSearchMatchParent>;
  PersonSearchMatchKind: PersonSearchMatchKind;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterBirthInput: RegisterBirthInput;
  Sex: Sex;
  TestPerson: ResolverTypeWrapper<Omit<TestPerson, 'person'> & { person?: Maybe<ResolversTypes['Person']> }>;
  TestPersonCharacteristic: TestPersonCharacteristic;
  TestPersonConnection: ResolverTypeWrapper<Omit<TestPersonConnection, 'nodes'> & { nodes: Array<ResolversTypes['TestPerson']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: AddressRow;
  Date: Scalars['Date']['output'];
  DeclaredAddress: DeclaredAddressRow;
  DocumentChange: Omit<DocumentChange, 'document' | 'holder'> & { document: ResolversParentTypes['IdentityDocument'], holder: ResolversParentTypes['Person'] };
  IdentityDocument: DocumentRow;
  Marriage: MarriageParent;
  MunicipalityRenamed: Omit<MunicipalityRenamed, 'municipality'> & { municipality: ResolversParentTypes['Address'] };
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  NameRecord: NameRecordRow;
  PageInfo: PageInfo;
  Person: PersonRow;
  PersonConnection: PersonConnectionParent;
  PersonSearchConnection: PersonSearchPage;
  PersonSearchMatch: PersonSearchMatchParent;
  Query: Record<PropertyKey, never>;
  RegisterBirthInput: RegisterBirthInput;
  TestPerson: Omit<TestPerson, 'person'> & { person?: Maybe<ResolversParentTypes['Person']> };
  TestPersonConnection: Omit<TestPersonConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['TestPerson']> };
  String: Scalars['String']['output'];
}>;

export type DataGroupDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type DataGroupDirectiveResolver<Result, Parent, ContextType = PersonContext, Args = DataGroupDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type DisclosesDirectiveArgs = {
  dataGroups: Array<Scalars['String']['input']>;
};

export type DisclosesDirectiveResolver<Result, Parent, ContextType = PersonContext, Args = DisclosesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  anyOf: Array<Scalars['String']['input']>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = PersonContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  addressCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fullAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AddressKind'], ParentType, ContextType>;
  municipalityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  municipalityName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DeclaredAddressResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['DeclaredAddress'] = ResolversParentTypes['DeclaredAddress']> = ResolversObject<{
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  declaredFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  declaredTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DeclarationKind'], ParentType, ContextType>;
}>;

export type DocumentChangeResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['DocumentChange'] = ResolversParentTypes['DocumentChange']> = ResolversObject<{
  document?: Resolver<ResolversTypes['IdentityDocument'], ParentType, ContextType>;
  holder?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type IdentityDocumentResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['IdentityDocument'] = ResolversParentTypes['IdentityDocument']> = ResolversObject<{
  expiryDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  issueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  issuer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DocumentStatus'], ParentType, ContextType>;
  statusChangedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DocumentType'], ParentType, ContextType>;
}>;

export type MarriageResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['Marriage'] = ResolversParentTypes['Marriage']> = ResolversObject<{
  divorcedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  marriedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  place?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spouse?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
}>;

export type MunicipalityRenamedResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['MunicipalityRenamed'] = ResolversParentTypes['MunicipalityRenamed']> = ResolversObject<{
  addressesUpdated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  personsAffected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  previousName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changeName?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationChangeNameArgs, 'givenName' | 'on' | 'personCode' | 'reason' | 'surname'>>;
  declareAddress?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationDeclareAddressArgs, 'addressCode' | 'from' | 'personCode'>>;
  invalidateDocument?: Resolver<ResolversTypes['DocumentChange'], ParentType, ContextType, RequireFields<MutationInvalidateDocumentArgs, 'number' | 'on' | 'reason'>>;
  issueDocument?: Resolver<ResolversTypes['DocumentChange'], ParentType, ContextType, RequireFields<MutationIssueDocumentArgs, 'issuer' | 'on' | 'personCode' | 'type'>>;
  registerBirth?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationRegisterBirthArgs, 'input'>>;
  registerDeath?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationRegisterDeathArgs, 'on' | 'personCode' | 'place'>>;
  registerDivorce?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationRegisterDivorceArgs, 'on' | 'personCodeA' | 'personCodeB'>>;
  registerMarriage?: Resolver<ResolversTypes['Person'], ParentType, ContextType, RequireFields<MutationRegisterMarriageArgs, 'on' | 'personCodeA' | 'personCodeB' | 'place' | 'surnameOfA'>>;
  renameMunicipality?: Resolver<ResolversTypes['MunicipalityRenamed'], ParentType, ContextType, RequireFields<MutationRenameMunicipalityArgs, 'municipalityCode' | 'newName'>>;
}>;

export type NameRecordResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['NameRecord'] = ResolversParentTypes['NameRecord']> = ResolversObject<{
  changeReason?: Resolver<ResolversTypes['NameChangeReason'], ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  additionalAddresses?: Resolver<Array<ResolversTypes['DeclaredAddress']>, ParentType, ContextType>;
  addressHistory?: Resolver<Array<ResolversTypes['DeclaredAddress']>, ParentType, ContextType>;
  birthCountry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  birthPlace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  citizenship?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  citizenshipStatus?: Resolver<ResolversTypes['CitizenshipStatus'], ParentType, ContextType>;
  civilStatus?: Resolver<ResolversTypes['CivilStatus'], ParentType, ContextType>;
  deathDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  deathPlace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deceased?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  declaredAddress?: Resolver<Maybe<ResolversTypes['DeclaredAddress']>, ParentType, ContextType>;
  father?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  formerPersonCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  identityDocuments?: Resolver<Array<ResolversTypes['IdentityDocument']>, ParentType, ContextType, Partial<PersonIdentityDocumentsArgs>>;
  marriages?: Resolver<Array<ResolversTypes['Marriage']>, ParentType, ContextType>;
  mother?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  nameHistory?: Resolver<Array<ResolversTypes['NameRecord']>, ParentType, ContextType>;
  nationality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  personCodeFormat?: Resolver<ResolversTypes['PersonCodeFormat'], ParentType, ContextType>;
  sex?: Resolver<ResolversTypes['Sex'], ParentType, ContextType>;
  spouse?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  surnameAtBirth?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonConnectionResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonSearchConnectionResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['PersonSearchConnection'] = ResolversParentTypes['PersonSearchConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['PersonSearchMatch']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonSearchMatchResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['PersonSearchMatch'] = ResolversParentTypes['PersonSearchMatch']> = ResolversObject<{
  currentPersonCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedBy?: Resolver<ResolversTypes['PersonSearchMatchKind'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType, RequireFields<QueryAddressArgs, 'addressCode'>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'personCode'>>;
  personByDocument?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonByDocumentArgs, 'documentNumber'>>;
  persons?: Resolver<Array<Maybe<ResolversTypes['Person']>>, ParentType, ContextType, RequireFields<QueryPersonsArgs, 'personCodes'>>;
  residents?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QueryResidentsArgs, 'addressCode' | 'first'>>;
  searchPersons?: Resolver<ResolversTypes['PersonSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchPersonsArgs, 'first'>>;
  testPersons?: Resolver<ResolversTypes['TestPersonConnection'], ParentType, ContextType, RequireFields<QueryTestPersonsArgs, 'characteristic' | 'first'>>;
}>;

export type TestPersonResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['TestPerson'] = ResolversParentTypes['TestPerson']> = ResolversObject<{
  characteristics?: Resolver<Array<ResolversTypes['TestPersonCharacteristic']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TestPersonConnectionResolvers<ContextType = PersonContext, ParentType extends ResolversParentTypes['TestPersonConnection'] = ResolversParentTypes['TestPersonConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['TestPerson']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PersonContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DeclaredAddress?: DeclaredAddressResolvers<ContextType>;
  DocumentChange?: DocumentChangeResolvers<ContextType>;
  IdentityDocument?: IdentityDocumentResolvers<ContextType>;
  Marriage?: MarriageResolvers<ContextType>;
  MunicipalityRenamed?: MunicipalityRenamedResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NameRecord?: NameRecordResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonSearchConnection?: PersonSearchConnectionResolvers<ContextType>;
  PersonSearchMatch?: PersonSearchMatchResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TestPerson?: TestPersonResolvers<ContextType>;
  TestPersonConnection?: TestPersonConnectionResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PersonContext> = ResolversObject<{
  dataGroup?: DataGroupDirectiveResolver<any, any, ContextType>;
  discloses?: DisclosesDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;
