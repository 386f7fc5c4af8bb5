/** A step in an application's history. */
export type ApplicationAction =
  /** The operator recorded the signed acceptance act. */
  | 'ACCEPTANCE_RECORDED'
  /** The applicant reported its acceptance tests done. */
  | 'ACCEPTANCE_REPORTED'
  /** The applicant amended it after a request for changes. */
  | 'AMENDED'
  /** The operator approved it; the TEST grant was created. */
  | 'APPROVED'
  /** The operator asked for changes. */
  | 'CHANGES_REQUESTED'
  /** The applicant claimed its credentials for one environment. */
  | 'CREDENTIALS_ISSUED'
  /** The operator issued the PRODUCTION grant. */
  | 'PRODUCTION_GRANTED'
  /** The accepted application was copied to the production platform (`pnpm onboarding:promote`). */
  | 'PROMOTED'
  /** The operator rejected it. */
  | 'REJECTED'
  /** The applicant rotated its OAuth client secret. */
  | 'SECRET_ROTATED'
  /** The organisation submitted the application. */
  | 'SUBMITTED';

/** Where an application stands on its way from submission to production. */
export type ApplicationStatus =
  /** The applicant reported its acceptance tests done; waiting for the signed acceptance act. */
  | 'ACCEPTANCE_REPORTED'
  /** The signed acceptance act is recorded; a PRODUCTION grant may be issued on the production platform. */
  | 'ACCEPTED'
  /** Approved: the test environment is open (a TEST grant; credentials claimed with the application token). */
  | 'APPROVED'
  /** The operator asked for changes; the applicant amends with its application token. */
  | 'CHANGES_REQUESTED'
  /** A PRODUCTION grant is issued: production credentials can be claimed on the production platform. */
  | 'IN_PRODUCTION'
  /** Refused, with a reason; final. */
  | 'REJECTED'
  /** Submitted (or amended) and waiting for the operator's decision. */
  | 'SUBMITTED';

/** The kind of operation a composite data set's document is. */
export type CompositeOperationType =
  /** A query over persons, sent as HTTP POST or GET. */
  | 'QUERY'
  /** A `setChanges` subscription, sent over graphql-ws. */
  | 'SUBSCRIPTION';

/** Where a composite data set's version is in its review. */
export type CompositeSetStatus =
  /** Approved by the operator: it executes by its `documentId`. */
  | 'APPROVED'
  /** Refused by the operator, with a reason; it never executes. */
  | 'REJECTED'
  /** No longer executes (replaced or withdrawn); it stays on record. */
  | 'RETIRED'
  /** Submitted by the requester, waiting for the operator; it does not execute yet. */
  | 'SUBMITTED';

/** Fields of a person a grant condition can test. */
export type ConditionField =
  /** Age in whole years today (compare with numbers). */
  | 'age'
  /** Date of birth (compare with dates). */
  | 'birthDate'
  /** Country of citizenship, ISO 3166-1 alpha-3. */
  | 'citizenship'
  /** `CITIZEN`, `NON_CITIZEN`, `FOREIGNER` or `STATELESS`. */
  | 'citizenshipStatus'
  /** Whether the person has died (`true`/`false`). */
  | 'deceased'
  /** Address code of the municipality of the current declared residence. */
  | 'municipalityCode'
  /** `MALE` or `FEMALE`. */
  | 'sex';

/** How a condition compares. */
export type ConditionOperator =
  /** Later than the value (dates). */
  | 'AFTER'
  /** Earlier than the value (dates). */
  | 'BEFORE'
  /** Equal to the value. */
  | 'EQUALS'
  /** Greater than the value (numbers). */
  | 'GREATER_THAN'
  /** Less than the value (numbers). */
  | 'LESS_THAN'
  /** Not equal to the value. */
  | 'NOT_EQUALS'
  /** Equal to one of the values. */
  | 'ONE_OF';

/** Data groups of the Register of Natural Persons (Cabinet Regulation No. 378 of 2013). */
export type DataGroupName =
  /** Declared residence address, additional addresses and address history. */
  | 'ADDRESS'
  /** Sex, date, place and country of birth. */
  | 'BIRTH'
  /** Citizenship status, country of citizenship and ethnic nationality. */
  | 'CITIZENSHIP'
  /** Death record: whether deceased, date and place of death. */
  | 'DEATH'
  /** Identity documents (passports and eID cards) with their numbers, dates and statuses. */
  | 'DOCUMENTS'
  /** Civil status, marriages, spouse, parents and children. */
  | 'FAMILY'
  /** Given name, surname, surname at birth and earlier name forms. */
  | 'NAME'
  /** Former personal codes and the format of the current one. */
  | 'PERSON_CODES';

/** How a disclosure left the register. */
export type DisclosureChannel =
  /** A program's request with an API key or OAuth token. */
  | 'API'
  /** A bulk request by file. */
  | 'BULK'
  /** An official's look-up by hand in the person data browser. */
  | 'PDP'
  /** The data subject's own access to their data. */
  | 'SELF'
  /** A delivery to a monitoring subscription. */
  | 'SUBSCRIPTION';

/** Test or production: a grant is valid only in its own environment. */
export type Environment =
  /** The production environment. */
  | 'PRODUCTION'
  /** The test environment, with synthetic data. */
  | 'TEST';

/** Whether a person's membership of an organisation is in force. */
export type MembershipStatus =
  /** In force: the roles work. */
  | 'ACTIVE'
  /** Removed: kept only for the history. */
  | 'REMOVED'
  /** Suspended by the signatory: no role works until reinstated; live sessions lose the roles at once. */
  | 'SUSPENDED';

/** A role a person holds in an organisation, given by its signatory contact person (DAGR DU-8). */
export type OrganisationRole =
  /** Works on the organisation's integration (the developer's pages). */
  | 'DEVELOPER'
  /** Organisation administrator: sees the organisation's people and their history. */
  | 'ORG_ADMIN'
  /** Looks persons up by hand in the person data browser under the organisation's manual look-up grants. */
  | 'PDP_USER'
  /** The signatory contact person: manages the organisation's people and their roles. */
  | 'SIGNATORY';

/** What a change of people and roles did. */
export type PeopleAction =
  /** A person was added to the organisation. */
  | 'ADDED'
  /** A suspended member was reinstated. */
  | 'REINSTATED'
  /** A member was removed. */
  | 'REMOVED'
  /** A member's roles were changed. */
  | 'ROLES_CHANGED'
  /** An operator appointed the organisation's signatory contact person. */
  | 'SIGNATORY_APPOINTED'
  /** A member was suspended. */
  | 'SUSPENDED';

/** A role a person holds on the platform itself. */
export type PlatformRole =
  /** The register's operator: appoints signatories and sees every organisation's people. */
  | 'OPERATOR'
  /** Portal administrator: sees every organisation's people and their history. */
  | 'PORTAL_ADMIN';

/** Role of an API key. */
export type Role =
  /** The platform operator: manages everything. */
  | 'OPERATOR'
  /** A data provider: reads the audit trail and usage statistics. */
  | 'PROVIDER'
  /** Requests person data under its organisation's grants. */
  | 'REQUESTER'
  /** Manages its own organisation's API keys (and may request data like a requester). */
  | 'REQUESTER_ADMIN';
