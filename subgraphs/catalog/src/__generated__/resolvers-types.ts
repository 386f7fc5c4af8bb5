import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { DataGroupDefinition } from '@rnp/schema';
import type { DatasetRow, ProviderRow } from '../repositories/catalogRepository';
import type { DatasetConnectionParent } from '../resolvers/Query';
import type { LegalBasisEntry } from '../repositories/catalogLegalBases';
import type { RequesterRow, ApiKeyRow, GrantRow } from '../repositories/accessRepository';
import type { AuditRow, UsageRow, DataSubjectAccessRow } from '../repositories/auditRepository';
import type { CompositeSetRow, CompositeSetVersionRow } from '../repositories/compositeSetRepository';
import type { CompositeSetConnectionParent, CompositeSetVersionConnectionParent } from '../resolvers/compositeSets';
import type { ApplicationRow, ApplicationEventRow, AcceptanceActRow } from '../repositories/applicationRepository';
import type { ApplicationConnectionParent } from '../resolvers/applications';
import type { MembershipRow, PeopleEventRow } from '../repositories/peopleRepository';
import type { PeopleEventConnectionParent, PortalUserParent, MyDisclosureConnectionParent, DisclosureOrganisationParent } from '../resolvers/people';
import type { MyDisclosureRow } from '../repositories/myDisclosuresRepository';
import type { CatalogContext } from '../context';
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
  /** A point in time in ISO 8601 form with time zone, e.g. `2026-11-23T10:15:00.000Z`. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The signed acceptance act that opens production. */
export type AcceptanceAct = {
  __typename?: 'AcceptanceAct';
  /** Data groups the acceptance covers; a PRODUCTION grant may cover only these. */
  acceptedDataGroups: Array<DataGroupName>;
  /** The date it was signed. */
  date: Scalars['Date']['output'];
  /** Media type of the document, e.g. `application/pdf`. */
  documentMediaType: Scalars['String']['output'];
  /** SHA-256 (hex) of the signed document. */
  documentSha256: Scalars['String']['output'];
  /** Size of the document in bytes. */
  documentSize: Scalars['Int']['output'];
  /** The act's number as written on it. */
  number: Scalars['String']['output'];
  /** When the operator recorded it. */
  recordedAt: Scalars['DateTime']['output'];
  /** Who signed it. */
  signatories: Array<Scalars['String']['output']>;
};

/** A signed acceptance act. */
export type AcceptanceActInput = {
  /** Data groups accepted; omit for all approved for testing. Must be among those approved. */
  acceptedDataGroups?: InputMaybe<Array<DataGroupName>>;
  /** The date it was signed. */
  date: Scalars['Date']['input'];
  /** The signed document. */
  document: DocumentInput;
  /** The act's number. */
  number: Scalars['String']['input'];
  /** Who signed it (at least one). */
  signatories: Array<Scalars['String']['input']>;
};

/** An API key, without the key. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When it was issued. */
  createdAt: Scalars['DateTime']['output'];
  /** When it stops working; `null` for never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** What the key is for, e.g. `production server 1`. */
  label: Scalars['String']['output'];
  /** The key's first characters, to recognise it. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; `null` while not revoked. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Role the key carries. */
  role: Role;
};

/** An organisation's application for access to the register's data. */
export type Application = {
  __typename?: 'Application';
  /** The signed acceptance act; `null` until recorded. */
  acceptanceAct?: Maybe<AcceptanceAct>;
  /** Data groups approved for testing; `null` until approved. */
  approvedDataGroups?: Maybe<Array<DataGroupName>>;
  /** The contact's e-mail. */
  contactEmail: Scalars['String']['output'];
  /** The contact person. */
  contactName: Scalars['String']['output'];
  /** Data groups requested. */
  dataGroups: Array<DataGroupName>;
  /** Every step so far, oldest first. */
  history: Array<ApplicationEvent>;
  /** The law or contract the access rests on. */
  legalBasis: Scalars['String']['output'];
  /** Whether the system needs to monitor persons. */
  needsMonitoring: Scalars['Boolean']['output'];
  /** The application's number, e.g. `A-2026-0001`. */
  number: Scalars['String']['output'];
  /** The organisation's official name. */
  organisationName: Scalars['String']['output'];
  /** What the data is for. */
  purpose: Scalars['String']['output'];
  /** The organisation's registration number (11 digits). */
  registrationNumber: Scalars['String']['output'];
  /** The organisation registered on this platform for it; `null` until approved (or promoted). */
  requester?: Maybe<Requester>;
  /** The reason of the latest request for changes or of the rejection. */
  reviewNote?: Maybe<Scalars['String']['output']>;
  /** Where it stands. */
  status: ApplicationStatus;
  /** When it was submitted. */
  submittedAt: Scalars['DateTime']['output'];
  /** What the system does with the data. */
  systemDescription: Scalars['String']['output'];
  /** Name of the system the organisation builds. */
  systemName: Scalars['String']['output'];
  /** The usage tier; `null` until approved. */
  tier?: Maybe<UsageTier>;
};

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

/** A page of applications. */
export type ApplicationConnection = {
  __typename?: 'ApplicationConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The applications on this page. */
  nodes: Array<Application>;
};

/** Credentials of one application in this platform's environment, shown once. */
export type ApplicationCredentials = {
  __typename?: 'ApplicationCredentials';
  /** An API key, sent as `Authorization: Bearer <key>`. */
  apiKey: Scalars['String']['output'];
  /** The OAuth 2.0 client id (client credentials grant at `POST /oauth/token`). */
  clientId: Scalars['String']['output'];
  /** The OAuth 2.0 client secret. Shown only here; rotate it with `rotateClientSecret`. */
  clientSecret: Scalars['String']['output'];
  /** The environment they work in (only on the platform of that environment). */
  environment: Environment;
  /** The grant to name in the `Grant` header. */
  grantNumber: Scalars['String']['output'];
};

/** One recorded step: what happened, who did it, when. */
export type ApplicationEvent = {
  __typename?: 'ApplicationEvent';
  /** What happened. */
  action: ApplicationAction;
  /** Who did it: `applicant`, `operator (key N)` or `operator command`. */
  actor: Scalars['String']['output'];
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The environment of the platform the step happened on. */
  environment: Environment;
  /** The reason or remark given with the step, if any. */
  note?: Maybe<Scalars['String']['output']>;
};

/** An application for access. */
export type ApplicationInput = {
  /** The contact's e-mail. */
  contactEmail: Scalars['String']['input'];
  /** The contact person's name. */
  contactName: Scalars['String']['input'];
  /** Data groups requested (at least one). */
  dataGroups: Array<DataGroupName>;
  /** The law or contract the access rests on. */
  legalBasis: Scalars['String']['input'];
  /** Whether the system needs to monitor persons. */
  needsMonitoring?: InputMaybe<Scalars['Boolean']['input']>;
  /** The organisation's official name. */
  organisationName: Scalars['String']['input'];
  /** What the data is for. */
  purpose: Scalars['String']['input'];
  /** Its registration number: 11 digits with a valid check. */
  registrationNumber: Scalars['String']['input'];
  /** What the system does with the data. */
  systemDescription: Scalars['String']['input'];
  /** Name of the system being built. */
  systemName: Scalars['String']['input'];
};

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

/** A submitted application and the token its applicant acts with. */
export type ApplicationSubmission = {
  __typename?: 'ApplicationSubmission';
  /** The application. */
  application: Application;
  /**
   * The application token: it reads the application's history, amends it and claims
   * credentials. Shown only here, only once; only its hash is kept.
   */
  applicationToken: Scalars['String']['output'];
};

/** The operator's approval. */
export type ApprovalInput = {
  /** Data groups approved for testing (a subset of those requested); omit for all requested. */
  dataGroups?: InputMaybe<Array<DataGroupName>>;
  /** Persons a day its grants may disclose (default 1000). */
  personsPerDay?: InputMaybe<Scalars['Int']['input']>;
  /** Requests a minute for the application's OAuth tokens (default 60). */
  requestsPerMinute?: InputMaybe<Scalars['Int']['input']>;
  /** Last day of the TEST grant; default a year from today. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

/** One person's data disclosed to one requester in one request. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** When the disclosure happened. */
  at: Scalars['DateTime']['output'];
  /** The client's network address as the gateway saw it. */
  clientAddress?: Maybe<Scalars['String']['output']>;
  /** The client's own `x-request-id` (printable characters, at most 64), if it sent one. */
  correlationId?: Maybe<Scalars['String']['output']>;
  /** Data groups disclosed. */
  dataGroups: Array<DataGroupName>;
  /** The grant exercised. */
  grantNumber: Scalars['String']['output'];
  /** Id of the API key used. */
  keyId: Scalars['ID']['output'];
  /** SHA-256 of the operation text. */
  operationHash: Scalars['String']['output'];
  /** The GraphQL operation name, if the request named one. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** The person whose data was disclosed. */
  personCode: Scalars['String']['output'];
  /** The purpose stated by the grant. */
  purpose: Scalars['String']['output'];
  /** The request's id, made by the gateway (also in the response's `extensions.requestId`). */
  requestId: Scalars['String']['output'];
  /** The requester that received the data. */
  requester: Requester;
  /** Position in the audit chain. */
  seq: Scalars['ID']['output'];
};

/** A page of audit entries. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The entries on this page. */
  nodes: Array<AuditEntry>;
};

/** Selects audit entries; every given field must match. */
export type AuditFilter = {
  /** Only disclosures that included this data group. */
  dataGroup?: InputMaybe<DataGroupName>;
  /** Only disclosures at or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only disclosures of this person (with or without the hyphen). */
  personCode?: InputMaybe<Scalars['String']['input']>;
  /** Only disclosures to this requester. */
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  /** Only disclosures before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The caller of the current request. */
export type Caller = {
  __typename?: 'Caller';
  /** Id of the API key used. */
  keyId: Scalars['ID']['output'];
  /** The caller's organisation. */
  requester: Requester;
  /** Role of the API key used. */
  role: Role;
};

/** A new client secret; the previous one keeps working until `previousSecretValidUntil`. */
export type ClientSecretRotation = {
  __typename?: 'ClientSecretRotation';
  /** The OAuth client id (unchanged). */
  clientId: Scalars['String']['output'];
  /** The new secret. Shown only here. */
  clientSecret: Scalars['String']['output'];
  /** When the previous secret, and tokens issued with it, stop working. */
  previousSecretValidUntil: Scalars['DateTime']['output'];
};

/** The kind of operation a composite data set's document is. */
export type CompositeOperationType =
  /** A query over persons, sent as HTTP POST or GET. */
  | 'QUERY'
  /** A `setChanges` subscription, sent over graphql-ws. */
  | 'SUBSCRIPTION';

/**
 * A composite data set: the data a requester needs, named as one GraphQL operation, reviewed
 * against the grant's legal basis. Once a version is approved, the client sends only its
 * `documentId` and the variables.
 */
export type CompositeSet = {
  __typename?: 'CompositeSet';
  /** When the set was first submitted. */
  createdAt: Scalars['DateTime']['output'];
  /** The grant the set is reviewed against and executes under. */
  grant: Grant;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** The requester the set belongs to. */
  requester: Requester;
  /** The requester's title for the set, e.g. `Customer due diligence`. */
  title: Scalars['String']['output'];
  /** Every version of the document, newest first. */
  versions: Array<CompositeSetVersion>;
};

/** A page of composite data sets. */
export type CompositeSetConnection = {
  __typename?: 'CompositeSetConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The sets on this page. */
  nodes: Array<CompositeSet>;
};

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

/** One version of a composite data set's document. Its document never changes: an edit is a new version. */
export type CompositeSetVersion = {
  __typename?: 'CompositeSetVersion';
  /** The set this version belongs to. */
  compositeSet: CompositeSet;
  /** Whether the grant covers every data group the operation touches (a version can be approved only then). */
  covered: Scalars['Boolean']['output'];
  /** Data groups the operation touches, each compared with the grant. */
  dataGroups: Array<DataGroupCoverage>;
  /** When the operator decided (approved, rejected or retired it); `null` while pending. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The GraphQL document as stored and executed: printed (graphql-js `print`), operations before fragments, each by name. */
  document: Scalars['String']['output'];
  /**
   * The id a client sends instead of the document: `sha256:<hex>`, the hex SHA-256 of
   * `document` (UTF-8). As `documentId` it is sent whole; as Apollo's persisted-query
   * `sha256Hash` without the `sha256:` prefix.
   */
  documentId: Scalars['String']['output'];
  /** Schema coordinates of the data-group fields the operation selects, e.g. `Person.surname`. */
  fields: Array<Scalars['String']['output']>;
  /** The operation's name. */
  operationName: Scalars['String']['output'];
  /** Query or subscription. */
  operationType: CompositeOperationType;
  /** The operator's reason for a rejection or retirement; `null` otherwise. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Where the version is in its review. */
  status: CompositeSetStatus;
  /** When the version was submitted. */
  submittedAt: Scalars['DateTime']['output'];
  /** Version number, 1 for the first document, one more for each revision. */
  version: Scalars['Int']['output'];
};

/** A page of composite data set versions. */
export type CompositeSetVersionConnection = {
  __typename?: 'CompositeSetVersionConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The versions on this page. */
  nodes: Array<CompositeSetVersion>;
};

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

/** A new grant. */
export type CreateGrantInput = {
  /** Only approved composite data sets execute under the grant; omit for the default (on for PRODUCTION, off for TEST). */
  approvedSetsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Conditions every person disclosed must satisfy. */
  conditions?: InputMaybe<Array<GrantConditionInput>>;
  /** Whether disclosures are hidden from the data subject's access report. */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** Most persons disclosed a day; omit for no limit. */
  dailyQuota?: InputMaybe<Scalars['Int']['input']>;
  /** Data groups granted (at least one). */
  dataGroups: Array<DataGroupName>;
  /** The environment the grant is valid in. */
  environment: Environment;
  /** The law or contract the grant rests on. */
  legalBasis: Scalars['String']['input'];
  /** Allow look-ups by hand in the person data browser under this grant (default false). */
  manualLookup?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether monitoring is allowed under the grant. */
  monitoringAllowed?: InputMaybe<Scalars['Boolean']['input']>;
  /** The purpose the data may be used for. */
  purpose: Scalars['String']['input'];
  /** The requester receiving the grant. */
  requesterId: Scalars['ID']['input'];
  /** First day of validity. */
  validFrom: Scalars['Date']['input'];
  /** Last day of validity. */
  validTo: Scalars['Date']['input'];
};

/** A new organisation. */
export type CreateRequesterInput = {
  /** Contact e-mail. */
  contactEmail: Scalars['String']['input'];
  /** Official name. */
  name: Scalars['String']['input'];
  /** Company registration number: 11 digits with a valid check. */
  registrationNumber: Scalars['String']['input'];
};

/**
 * A group of register fields that is granted, monitored and audited as one unit. Its field
 * list is read from the `@dataGroup` marks of the composed schema, so it cannot drift from
 * what the graph serves.
 */
export type DataGroup = {
  __typename?: 'DataGroup';
  /** What the group holds. */
  description: Scalars['String']['output'];
  /** Schema coordinates of the fields in the group, with their types and descriptions. */
  fields: Array<DataGroupField>;
  /** The legal acts that typically justify access to the group, the most specific first. */
  legalBases: Array<LegalBasis>;
  /** The group's name. */
  name: DataGroupName;
  /** Name of the subgraph that serves the group's fields, e.g. `person`. */
  subgraph: Scalars['String']['output'];
};

/** A data group a composite set's version touches, compared with the set's grant. */
export type DataGroupCoverage = {
  __typename?: 'DataGroupCoverage';
  /** Whether the set's grant covers the group today. */
  covered: Scalars['Boolean']['output'];
  /** The data group. */
  dataGroup: DataGroupName;
};

/** A field that belongs to a data group. */
export type DataGroupField = {
  __typename?: 'DataGroupField';
  /** Schema coordinate, e.g. `Person.surname`. */
  coordinate: Scalars['String']['output'];
  /** The field's description from the schema. */
  description?: Maybe<Scalars['String']['output']>;
  /** The field's GraphQL type, e.g. `String!` or `[IdentityDocument!]!`. */
  type: Scalars['String']['output'];
};

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

/** One access to the data subject's data, as shown to the data subject. */
export type DataSubjectAccess = {
  __typename?: 'DataSubjectAccess';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Which data groups. */
  dataGroups: Array<DataGroupName>;
  /** Why: the grant's purpose. */
  purpose: Scalars['String']['output'];
  /** Who received the data. */
  requesterName: Scalars['String']['output'];
};

/** A published dataset: a named, documented bundle of data groups. */
export type Dataset = {
  __typename?: 'Dataset';
  /** Stable code of the dataset, e.g. `person-basic`. */
  code: Scalars['String']['output'];
  /** Data groups the dataset bundles. */
  dataGroups: Array<DataGroup>;
  /** What the dataset is for and what it contains. */
  description: Scalars['String']['output'];
  /** The legal acts that typically justify access to the dataset's groups, each once. */
  legalBases: Array<LegalBasis>;
  /** Human-readable name. */
  name: Scalars['String']['output'];
  /** The organisation that provides the data. */
  provider: Provider;
};

/** A page of datasets. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The datasets on this page. */
  nodes: Array<Dataset>;
  /** How many datasets exist in all. */
  totalCount: Scalars['Int']['output'];
};

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

/** An organisation that received the signed-in person's data, for the filter. */
export type DisclosureOrganisation = {
  __typename?: 'DisclosureOrganisation';
  /** The organisation's id. */
  id: Scalars['ID']['output'];
  /** The organisation's name. */
  name: Scalars['String']['output'];
};

/** The signed document of an acceptance act. */
export type DocumentInput = {
  /** The file's bytes, base64. */
  base64: Scalars['String']['input'];
  /** Media type, e.g. `application/pdf`. */
  mediaType: Scalars['String']['input'];
  /** SHA-256 (hex) of the bytes, checked against them. */
  sha256: Scalars['String']['input'];
};

/** Test or production: a grant is valid only in its own environment. */
export type Environment =
  /** The production environment. */
  | 'PRODUCTION'
  /** The test environment, with synthetic data. */
  | 'TEST';

/** A grant: which data groups a requester may receive, why, when and on whom. */
export type Grant = {
  __typename?: 'Grant';
  /**
   * Only approved composite data sets execute under this grant: any other document is
   * refused with COMPOSITE_SET_REQUIRED. On by default for PRODUCTION grants.
   */
  approvedSetsOnly: Scalars['Boolean']['output'];
  /** Conditions every person disclosed must satisfy (combined with AND). */
  conditions: Array<GrantCondition>;
  /** Whether disclosures under the grant are hidden from the data subject's access report. */
  confidential: Scalars['Boolean']['output'];
  /** Most persons disclosed a day under the grant (queries and subscription deliveries); `null` for no limit. */
  dailyQuota?: Maybe<Scalars['Int']['output']>;
  /** Data groups granted. */
  dataGroups: Array<DataGroupName>;
  /** The environment the grant is valid in. */
  environment: Environment;
  /** The law or contract the grant rests on. */
  legalBasis: Scalars['String']['output'];
  /** Officials of the organisation may look persons up by hand under this grant (person data browser). */
  manualLookup: Scalars['Boolean']['output'];
  /** Whether the requester may monitor persons under this grant. */
  monitoringAllowed: Scalars['Boolean']['output'];
  /** The number a request names in its `Grant` header, e.g. `G-2026-0001`. */
  number: Scalars['String']['output'];
  /** The purpose the data may be used for. */
  purpose: Scalars['String']['output'];
  /** The requester holding the grant. */
  requester: Requester;
  /** When the grant was revoked; `null` while not revoked. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** First day of validity. */
  validFrom: Scalars['Date']['output'];
  /** Last day of validity. */
  validTo: Scalars['Date']['output'];
};

/** A condition on a person's record values. */
export type GrantCondition = {
  __typename?: 'GrantCondition';
  /** The field tested. */
  field: ConditionField;
  /** The comparison. */
  operator: ConditionOperator;
  /** The value compared with, as JSON text (e.g. `"2008-11-23"`, `18`, `["CITIZEN"]`). */
  value: Scalars['String']['output'];
};

/** A condition to put on a grant. */
export type GrantConditionInput = {
  /** The field tested. */
  field: ConditionField;
  /** The comparison. */
  operator: ConditionOperator;
  /** The value as JSON: a string (dates as `"YYYY-MM-DD"`), a number, `true`/`false`, or a list for `ONE_OF`. */
  value: Scalars['String']['input'];
};

/** A key to issue. */
export type IssueApiKeyInput = {
  /** When the key stops working; omit for never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What the key is for. */
  label: Scalars['String']['input'];
  /** The organisation the key is for. */
  requesterId: Scalars['ID']['input'];
  /** The key's role. */
  role: Role;
};

/** A newly issued API key. */
export type IssuedApiKey = {
  __typename?: 'IssuedApiKey';
  /** The key's record. */
  apiKey: ApiKey;
  /** The key itself, to send as `Authorization: Bearer <key>`. Shown only here, only once. */
  key: Scalars['String']['output'];
};

/**
 * A legal act that typically justifies a requester's access to register data. Catalog
 * information for writing a grant request: each grant still names and is reviewed for its own
 * legal basis.
 */
export type LegalBasis = {
  __typename?: 'LegalBasis';
  /** Stable code, e.g. `FPR_LAW`. */
  code: Scalars['String']['output'];
  /** How the act applies to register data. */
  description: Scalars['String']['output'];
  /** The act's title in English. */
  englishTitle: Scalars['String']['output'];
  /** The provisions that matter, when narrower than the whole act, e.g. `Article 6(1)(c) and (e)`. */
  provision?: Maybe<Scalars['String']['output']>;
  /** The act's official title, e.g. `Fizisko personu reģistra likums`. */
  title: Scalars['String']['output'];
  /** Where the act is published; `null` when the catalog knows no address. */
  url?: Maybe<Scalars['String']['output']>;
};

/** A grant of the organisation that allows look-ups by hand in the person data browser. */
export type ManualLookupGrant = {
  __typename?: 'ManualLookupGrant';
  /** The data groups a look-up shows. */
  dataGroups: Array<DataGroupName>;
  /** The legal basis the grant names. */
  legalBasis: Scalars['String']['output'];
  /** The grant's number. */
  number: Scalars['String']['output'];
  /** The purpose the grant states. */
  purpose: Scalars['String']['output'];
  /** Last day the grant is valid. */
  validTo: Scalars['Date']['output'];
};

/** A person's place in one organisation. */
export type Membership = {
  __typename?: 'Membership';
  /** When the person was added. */
  addedAt: Scalars['DateTime']['output'];
  /** The name the signatory entered for the person (the register's name is not copied here). */
  displayName?: Maybe<Scalars['String']['output']>;
  /** The organisation. */
  organisation: Requester;
  /** The person's personal code. */
  personCode: Scalars['String']['output'];
  /** The roles the person holds in the organisation. */
  roles: Array<OrganisationRole>;
  /** Whether the membership is in force. */
  status: MembershipStatus;
};

/** Whether a person's membership of an organisation is in force. */
export type MembershipStatus =
  /** In force: the roles work. */
  | 'ACTIVE'
  /** Removed: kept only for the history. */
  | 'REMOVED'
  /** Suspended by the signatory: no role works until reinstated; live sessions lose the roles at once. */
  | 'SUSPENDED';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Adds a person to the organisation by personal code with roles (the signatory only); a
   * removed person is added again. Recorded in `peopleEvents`.
   */
  addMember: Membership;
  /** Replaces the application's content after the operator asked for changes; it is then SUBMITTED again. */
  amendApplication: Application;
  /** Appoints the organisation's signatory contact person (the platform's operators only). */
  appointSignatory: Membership;
  /** Approves an application (test platform only): registers the organisation if new and creates its TEST grant. */
  approveApplication: Application;
  /** Approves a submitted version; refused with COMPOSITE_SET_NOT_COVERED when it touches a group outside its grant. */
  approveCompositeSet: CompositeSetVersion;
  /**
   * Issues the application's credentials for this platform's environment: an API key and an
   * OAuth client with its secret, once per environment. On the test platform after approval;
   * on the production platform after the PRODUCTION grant.
   */
  claimApplicationCredentials: ApplicationCredentials;
  /** Grants a requester data groups on a legal basis, for a purpose; effective on the next request. */
  createGrant: Grant;
  /** Registers an organisation that will use the platform. */
  createRequester: Requester;
  /**
   * Issues an API key. The key is in the answer once and never again: only its hash is
   * kept. A requester's administrator may issue keys for its own organisation only, and not
   * operator or provider keys.
   */
  issueApiKey: IssuedApiKey;
  /** Issues the PRODUCTION grant of an accepted application (production platform only), limited to the accepted groups. */
  issueProductionGrant: Grant;
  /** Records the signed acceptance act (test platform, after the applicant reported its tests). */
  recordAcceptanceAct: Application;
  /** Reinstates a suspended member (the signatory only). */
  reinstateMember: Membership;
  /** Rejects an application, with the reason; final. */
  rejectApplication: Application;
  /** Rejects a submitted version, with the reason the requester will read. */
  rejectCompositeSet: CompositeSetVersion;
  /** Removes a member (the signatory only; a signatory cannot remove themself). */
  removeMember: Membership;
  /** The applicant reports its acceptance tests done (test platform, after approval). */
  reportAcceptanceTests: Application;
  /** Asks the applicant for changes, saying which. */
  requestApplicationChanges: Application;
  /** Retires an approved (or submitted) version: from the next request on it no longer executes. */
  retireCompositeSet: CompositeSetVersion;
  /**
   * Submits an edited document as the set's next version, for review. The approved version
   * keeps executing until it is retired.
   */
  reviseCompositeSet: CompositeSetVersion;
  /** Revokes an API key at once; requests with it are refused from the next one on. */
  revokeApiKey: ApiKey;
  /** Revokes a grant at once. */
  revokeGrant: Grant;
  /** Replaces the OAuth client secret of this environment; the previous one works for `overlapSeconds` more. */
  rotateClientSecret: ClientSecretRotation;
  /** Gives and takes roles: the member's roles become these (the signatory only). */
  setMemberRoles: Membership;
  /**
   * Applies for access. Needs no API key (limited, like every keyless request, by the gateway's
   * rate limit per client address); returns the application token once.
   */
  submitApplication: ApplicationSubmission;
  /**
   * Submits a composite data set for review: checked against the schema (one named query
   * over persons, or a `setChanges` subscription) and against the grant, which must be
   * yours. The answer lists the data groups and fields it touches; it executes once approved.
   */
  submitCompositeSet: CompositeSetVersion;
  /** Suspends a member: no role works until reinstated, live sessions included (the signatory only). */
  suspendMember: Membership;
  /** Changes a grant; fields left out keep their values. Effective on the next request. */
  updateGrant: Grant;
};


export type MutationAddMemberArgs = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
  roles: Array<OrganisationRole>;
};


export type MutationAmendApplicationArgs = {
  applicationToken: Scalars['String']['input'];
  input: ApplicationInput;
};


export type MutationAppointSignatoryArgs = {
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
};


export type MutationApproveApplicationArgs = {
  input?: InputMaybe<ApprovalInput>;
  number: Scalars['String']['input'];
};


export type MutationApproveCompositeSetArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


export type MutationClaimApplicationCredentialsArgs = {
  applicationToken: Scalars['String']['input'];
};


export type MutationCreateGrantArgs = {
  input: CreateGrantInput;
};


export type MutationCreateRequesterArgs = {
  input: CreateRequesterInput;
};


export type MutationIssueApiKeyArgs = {
  input: IssueApiKeyInput;
};


export type MutationIssueProductionGrantArgs = {
  input: ProductionGrantInput;
  number: Scalars['String']['input'];
};


export type MutationRecordAcceptanceActArgs = {
  input: AcceptanceActInput;
  number: Scalars['String']['input'];
};


export type MutationReinstateMemberArgs = {
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
};


export type MutationRejectApplicationArgs = {
  number: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectCompositeSetArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


export type MutationRemoveMemberArgs = {
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
};


export type MutationReportAcceptanceTestsArgs = {
  applicationToken: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRequestApplicationChangesArgs = {
  number: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRetireCompositeSetArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationReviseCompositeSetArgs = {
  document: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeGrantArgs = {
  number: Scalars['String']['input'];
};


export type MutationRotateClientSecretArgs = {
  applicationToken: Scalars['String']['input'];
  overlapSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationSetMemberRolesArgs = {
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
  roles: Array<OrganisationRole>;
};


export type MutationSubmitApplicationArgs = {
  input: ApplicationInput;
};


export type MutationSubmitCompositeSetArgs = {
  input: SubmitCompositeSetInput;
};


export type MutationSuspendMemberArgs = {
  personCode: Scalars['String']['input'];
  requesterId: Scalars['ID']['input'];
};


export type MutationUpdateGrantArgs = {
  input: UpdateGrantInput;
  number: Scalars['String']['input'];
};

/** One disclosure of the signed-in person's data, as shown to them. */
export type MyDisclosure = {
  __typename?: 'MyDisclosure';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** How the data left the register. */
  channel: DisclosureChannel;
  /** The data groups disclosed. */
  dataGroups: Array<DataGroupName>;
  /** The legal basis of the grant exercised. */
  legalBasis: Scalars['String']['output'];
  /** The organisation that received the data. */
  organisationName: Scalars['String']['output'];
  /** The purpose: the grant's, and for a look-up by hand the case reference the official gave. */
  purpose: Scalars['String']['output'];
};

/** A page of the signed-in person's disclosures, newest first. */
export type MyDisclosureConnection = {
  __typename?: 'MyDisclosureConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The disclosures on this page. */
  nodes: Array<MyDisclosure>;
  /** Disclosures in the period and filter (all pages). */
  totalCount: Scalars['Int']['output'];
  /** Disclosures in the period under confidential grants, not shown: the law allows saying only how many. */
  withheldByLaw: Scalars['Int']['output'];
};

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

/** One recorded change of people and roles: who, when, what. */
export type PeopleEvent = {
  __typename?: 'PeopleEvent';
  /** What was done. */
  action: PeopleAction;
  /** Who made the change: a personal code, or `API key N` for an operator's key. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The organisation. */
  organisation: Requester;
  /** The person changed. */
  personCode: Scalars['String']['output'];
  /** The roles after the change. */
  roles: Array<OrganisationRole>;
};

/** A page of people events, newest first. */
export type PeopleEventConnection = {
  __typename?: 'PeopleEventConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The events on this page. */
  nodes: Array<PeopleEvent>;
};

/** A role a person holds on the platform itself. */
export type PlatformRole =
  /** The register's operator: appoints signatories and sees every organisation's people. */
  | 'OPERATOR'
  /** Portal administrator: sees every organisation's people and their history. */
  | 'PORTAL_ADMIN';

/** The signed-in person, as the portal shows them. */
export type PortalUser = {
  __typename?: 'PortalUser';
  /** The organisations the person belongs to (removed memberships left out). */
  memberships: Array<Membership>;
  /** The person's name, as the OpenID provider asserted it. */
  name?: Maybe<Scalars['String']['output']>;
  /** The person's personal code, as the OpenID provider asserted it. */
  personCode: Scalars['String']['output'];
  /** Roles on the platform itself. */
  platformRoles: Array<PlatformRole>;
};

/** The PRODUCTION grant of an accepted application. */
export type ProductionGrantInput = {
  /** Data groups granted: among those of the acceptance act; omit for all of them. */
  dataGroups?: InputMaybe<Array<DataGroupName>>;
  /** First day of validity; default today. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last day of validity. */
  validTo: Scalars['Date']['input'];
};

/** An organisation that provides data to the platform. */
export type Provider = {
  __typename?: 'Provider';
  /** Stable code, e.g. `pmlp`. */
  code: Scalars['String']['output'];
  /** Where to write about the data. */
  contactEmail: Scalars['String']['output'];
  /** Datasets the organisation provides. */
  datasets: Array<Dataset>;
  /** What the organisation provides. */
  description: Scalars['String']['output'];
  /** Official name. */
  name: Scalars['String']['output'];
  /** Company registration number (11 digits). */
  registrationNumber: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One application by number; `null` when unknown. */
  application?: Maybe<Application>;
  /** Applications, newest first, a page at a time; optionally only those in one status. */
  applications: ApplicationConnection;
  /**
   * Disclosures recorded in the audit trail, newest first, filtered by any combination of
   * requester, person, data group and time. A provider sees only disclosures of its own
   * datasets' data groups, and none under confidential grants.
   */
  auditEntries: AuditEntryConnection;
  /** Your organisation's composite data sets, a page at a time, newest first. */
  compositeSets: CompositeSetConnection;
  /** One data group by name. */
  dataGroup?: Maybe<DataGroup>;
  /** Every data group of the register, with the fields it covers, derived from the composed schema. */
  dataGroups: Array<DataGroup>;
  /**
   * "Who accessed my data": every disclosure of one person's data, newest first, with the
   * requester, time, purpose and data groups. Disclosures under confidential grants are left out.
   */
  dataSubjectAccessReport: Array<DataSubjectAccess>;
  /** One dataset by its code; `null` when unknown. */
  dataset?: Maybe<Dataset>;
  /** Published datasets, a page at a time, ordered by code. */
  datasets: DatasetConnection;
  /** The organisation's grants that allow look-ups by hand, for its active PDP users; valid today in this environment. */
  manualLookupGrants: Array<ManualLookupGrant>;
  /** The caller: its organisation, the role of its API key and the grants it may exercise. */
  me: Caller;
  /** The applicant's own application, with its history. Needs no API key: the application token is the credential. */
  myApplication: Application;
  /** The organisations that received the signed-in person's data (confidential grants left out). */
  myDisclosureOrganisations: Array<DisclosureOrganisation>;
  /**
   * "My data and who viewed it": every disclosure of the signed-in person's data (API,
   * subscriptions, bulk files, the person data browser), newest first. Confidential grants'
   * disclosures are left out and counted in `withheldByLaw`. Only for a portal session: the
   * person is the session's, never an argument. The read is itself audited.
   */
  myDisclosures: MyDisclosureConnection;
  /**
   * The people of an organisation and their roles, removed ones included. For the
   * organisation's signatory and administrators, and the platform's operators and portal
   * administrators.
   */
  organisationMembers: Array<Membership>;
  /** Versions waiting for review, oldest first, each with its data groups compared to its grant. */
  pendingCompositeSets: CompositeSetVersionConnection;
  /** Changes of an organisation's people and roles, newest first; the same callers as `organisationMembers`. */
  peopleEvents: PeopleEventConnection;
  /** The signed-in person (a portal session); `null` for any other caller. */
  portalMe?: Maybe<PortalUser>;
  /** Organisations that provide data to the platform. */
  providers: Array<Provider>;
  /** Registered organisations, a page at a time, ordered by id. */
  requesters: RequesterConnection;
  /**
   * Requests and distinct persons per requester, data group and day, in a period. A provider
   * sees only its own datasets' data groups, without confidential grants.
   */
  usageStatistics: Array<UsageStatistic>;
};


export type QueryApplicationArgs = {
  number: Scalars['String']['input'];
};


export type QueryApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ApplicationStatus>;
};


export type QueryAuditEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCompositeSetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDataGroupArgs = {
  name: DataGroupName;
};


export type QueryDataSubjectAccessReportArgs = {
  personCode: Scalars['String']['input'];
};


export type QueryDatasetArgs = {
  code: Scalars['String']['input'];
};


export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryManualLookupGrantsArgs = {
  requesterId: Scalars['ID']['input'];
};


export type QueryMyApplicationArgs = {
  applicationToken: Scalars['String']['input'];
};


export type QueryMyDisclosuresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryOrganisationMembersArgs = {
  requesterId: Scalars['ID']['input'];
};


export type QueryPendingCompositeSetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPeopleEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  requesterId: Scalars['ID']['input'];
};


export type QueryRequestersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUsageStatisticsArgs = {
  from: Scalars['Date']['input'];
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};

/** An organisation registered on the platform. */
export type Requester = {
  __typename?: 'Requester';
  /** The organisation's API keys (never the keys themselves). */
  apiKeys: Array<ApiKey>;
  /** Contact e-mail. */
  contactEmail: Scalars['String']['output'];
  /** The organisation's grants, current and past. */
  grants: Array<Grant>;
  /** Stable id. */
  id: Scalars['ID']['output'];
  /** Official name. */
  name: Scalars['String']['output'];
  /** Company registration number (11 digits). */
  registrationNumber: Scalars['String']['output'];
};

/** A page of requesters. */
export type RequesterConnection = {
  __typename?: 'RequesterConnection';
  /** Pass as `after` to get the next page; `null` when this page is the last. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The requesters on this page. */
  nodes: Array<Requester>;
};

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

/** A new composite data set. */
export type SubmitCompositeSetInput = {
  /**
   * The GraphQL document: exactly one named operation, a query over persons or a
   * `setChanges` subscription (fragments allowed).
   */
  document: Scalars['String']['input'];
  /** The number of the requester's grant the set is for, e.g. `G-2026-0001`. */
  grantNumber: Scalars['String']['input'];
  /** A title of the requester's choosing, e.g. `Customer due diligence`. */
  title: Scalars['String']['input'];
};

/** Changes to a grant; omitted fields keep their values. */
export type UpdateGrantInput = {
  /** Only approved composite data sets execute under the grant. */
  approvedSetsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the conditions. */
  conditions?: InputMaybe<Array<GrantConditionInput>>;
  /** Whether disclosures are hidden from the data subject. */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** Most persons disclosed a day. */
  dailyQuota?: InputMaybe<Scalars['Int']['input']>;
  /** Data groups granted. */
  dataGroups?: InputMaybe<Array<DataGroupName>>;
  /** The environment. */
  environment?: InputMaybe<Environment>;
  /** The legal basis. */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** Allow or stop look-ups by hand in the person data browser under this grant. */
  manualLookup?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether monitoring is allowed. */
  monitoringAllowed?: InputMaybe<Scalars['Boolean']['input']>;
  /** The purpose. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** First day of validity. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last day of validity. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

/** Usage of one data group by one requester on one day. */
export type UsageStatistic = {
  __typename?: 'UsageStatistic';
  /** The data group. */
  dataGroup: DataGroupName;
  /** The day. */
  day: Scalars['Date']['output'];
  /** Distinct persons whose data in the group was disclosed. */
  persons: Scalars['Int']['output'];
  /** The requester. */
  requester: Requester;
  /** Requests that disclosed the group. */
  requests: Scalars['Int']['output'];
};

/** Usage tier of an application's subscription, enforced by the gateway. */
export type UsageTier = {
  __typename?: 'UsageTier';
  /** Persons a day the application's grants may disclose (the grants' daily quota). */
  personsPerDay: Scalars['Int']['output'];
  /** Requests a minute the application's OAuth tokens may send (on each platform). */
  requestsPerMinute: Scalars['Int']['output'];
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
  Dataset: Dataset;
  Provider: Provider;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Dataset:
    ( { __typename: 'Dataset' }
    & GraphQLRecursivePick<FederationTypes['Dataset'], {"code":true}> );
  Provider:
    ( { __typename: 'Provider' }
    & GraphQLRecursivePick<FederationTypes['Provider'], {"code":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptanceAct: ResolverTypeWrapper<AcceptanceActRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AcceptanceActInput: AcceptanceActInput;
  ApiKey: ResolverTypeWrapper<ApiKeyRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Application: ResolverTypeWrapper<ApplicationRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ApplicationAction: ApplicationAction;
  ApplicationConnection: ResolverTypeWrapper<ApplicationConnectionParent>;
  ApplicationCredentials: ResolverTypeWrapper<ApplicationCredentials>;
  ApplicationEvent: ResolverTypeWrapper<ApplicationEventRow>;
  ApplicationInput: ApplicationInput;
  ApplicationStatus: ApplicationStatus;
  ApplicationSubmission: ResolverTypeWrapper<Omit<ApplicationSubmission, 'application'> & { application: ResolversTypes['Application'] }>;
  ApprovalInput: ApprovalInput;
  AuditEntry: ResolverTypeWrapper<AuditRow>;
  AuditEntryConnection: ResolverTypeWrapper<Omit<AuditEntryConnection, 'nodes'> & { nodes: Array<ResolversTypes['AuditEntry']> }>;
  AuditFilter: AuditFilter;
  Caller: ResolverTypeWrapper<Omit<Caller, 'requester'> & { requester: ResolversTypes['Requester'] }>;
  ClientSecretRotation: ResolverTypeWrapper<ClientSecretRotation>;
  CompositeOperationType: CompositeOperationType;
  CompositeSet: ResolverTypeWrapper<CompositeSetRow>;
  CompositeSetConnection: ResolverTypeWrapper<CompositeSetConnectionParent>;
  CompositeSetStatus: CompositeSetStatus;
  CompositeSetVersion: ResolverTypeWrapper<CompositeSetVersionRow>;
  CompositeSetVersionConnection: ResolverTypeWrapper<CompositeSetVersionConnectionParent>;
  ConditionField: ConditionField;
  ConditionOperator: ConditionOperator;
  CreateGrantInput: CreateGrantInput;
  CreateRequesterInput: CreateRequesterInput;
  DataGroup: ResolverTypeWrapper<DataGroupDefinition>;
  DataGroupCoverage: ResolverTypeWrapper<DataGroupCoverage>;
  DataGroupField: ResolverTypeWrapper<DataGroupField>;
  DataGroupName: DataGroupName;
  DataSubjectAccess: ResolverTypeWrapper<DataSubjectAccessRow>;
  Dataset: ResolverTypeWrapper<DatasetRow>;
  DatasetConnection: ResolverTypeWrapper<DatasetConnectionParent>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DisclosureChannel: DisclosureChannel;
  DisclosureOrganisation: ResolverTypeWrapper<DisclosureOrganisationParent>;
  DocumentInput: DocumentInput;
  Environment: Environment;
  Grant: ResolverTypeWrapper<GrantRow>;
  GrantCondition: ResolverTypeWrapper<GrantCondition>;
  GrantConditionInput: GrantConditionInput;
  IssueApiKeyInput: IssueApiKeyInput;
  IssuedApiKey: ResolverTypeWrapper<Omit<IssuedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  LegalBasis: ResolverTypeWrapper<LegalBasisEntry>;
  ManualLookupGrant: ResolverTypeWrapper<GrantRow>;
  Membership: ResolverTypeWrapper<MembershipRow>;
  MembershipStatus: MembershipStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MyDisclosure: ResolverTypeWrapper<MyDisclosureRow>;
  MyDisclosureConnection: ResolverTypeWrapper<MyDisclosureConnectionParent>;
  OrganisationRole: OrganisationRole;
  PeopleAction: PeopleAction;
  PeopleEvent: ResolverTypeWrapper<PeopleEventRow>;
  PeopleEventConnection: ResolverTypeWrapper<PeopleEventConnectionParent>;
  PlatformRole: PlatformRole;
  PortalUser: ResolverTypeWrapper<PortalUserParent>;
  ProductionGrantInput: ProductionGrantInput;
  Provider: ResolverTypeWrapper<ProviderRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Requester: ResolverTypeWrapper<RequesterRow>;
  RequesterConnection: ResolverTypeWrapper<Omit<RequesterConnection, 'nodes'> & { nodes: Array<ResolversTypes['Requester']> }>;
  Role: Role;
  SubmitCompositeSetInput: SubmitCompositeSetInput;
  UpdateGrantInput: UpdateGrantInput;
  UsageStatistic: ResolverTypeWrapper<UsageRow>;
  UsageTier: ResolverTypeWrapper<UsageTier>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptanceAct: AcceptanceActRow;
  Int: Scalars['Int']['output'];
  AcceptanceActInput: AcceptanceActInput;
  ApiKey: ApiKeyRow;
  ID: Scalars['ID']['output'];
  Application: ApplicationRow;
  Boolean: Scalars['Boolean']['output'];
  ApplicationConnection: ApplicationConnectionParent;
  ApplicationCredentials: ApplicationCredentials;
  ApplicationEvent: ApplicationEventRow;
  ApplicationInput: ApplicationInput;
  ApplicationSubmission: Omit<ApplicationSubmission, 'application'> & { application: ResolversParentTypes['Application'] };
  ApprovalInput: ApprovalInput;
  AuditEntry: AuditRow;
  AuditEntryConnection: Omit<AuditEntryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['AuditEntry']> };
  AuditFilter: AuditFilter;
  Caller: Omit<Caller, 'requester'> & { requester: ResolversParentTypes['Requester'] };
  ClientSecretRotation: ClientSecretRotation;
  CompositeSet: CompositeSetRow;
  CompositeSetConnection: CompositeSetConnectionParent;
  CompositeSetVersion: CompositeSetVersionRow;
  CompositeSetVersionConnection: CompositeSetVersionConnectionParent;
  CreateGrantInput: CreateGrantInput;
  CreateRequesterInput: CreateRequesterInput;
  DataGroup: DataGroupDefinition;
  DataGroupCoverage: DataGroupCoverage;
  DataGroupField: DataGroupField;
  DataSubjectAccess: DataSubjectAccessRow;
  Dataset: DatasetRow;
  DatasetConnection: DatasetConnectionParent;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DisclosureOrganisation: DisclosureOrganisationParent;
  DocumentInput: DocumentInput;
  Grant: GrantRow;
  GrantCondition: GrantCondition;
  GrantConditionInput: GrantConditionInput;
  IssueApiKeyInput: IssueApiKeyInput;
  IssuedApiKey: Omit<IssuedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  LegalBasis: LegalBasisEntry;
  ManualLookupGrant: GrantRow;
  Membership: MembershipRow;
  Mutation: Record<PropertyKey, never>;
  MyDisclosure: MyDisclosureRow;
  MyDisclosureConnection: MyDisclosureConnectionParent;
  PeopleEvent: PeopleEventRow;
  PeopleEventConnection: PeopleEventConnectionParent;
  PortalUser: PortalUserParent;
  ProductionGrantInput: ProductionGrantInput;
  Provider: ProviderRow;
  Query: Record<PropertyKey, never>;
  Requester: RequesterRow;
  RequesterConnection: Omit<RequesterConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Requester']> };
  SubmitCompositeSetInput: SubmitCompositeSetInput;
  UpdateGrantInput: UpdateGrantInput;
  UsageStatistic: UsageRow;
  UsageTier: UsageTier;
  String: Scalars['String']['output'];
}>;

export type RequiresRoleDirectiveArgs = {
  anyOf: Array<Scalars['String']['input']>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = CatalogContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AcceptanceActResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['AcceptanceAct'] = ResolversParentTypes['AcceptanceAct']> = ResolversObject<{
  acceptedDataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  documentMediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  signatories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApiKeyResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
}>;

export type ApplicationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Application'] = ResolversParentTypes['Application']> = ResolversObject<{
  acceptanceAct?: Resolver<Maybe<ResolversTypes['AcceptanceAct']>, ParentType, ContextType>;
  approvedDataGroups?: Resolver<Maybe<Array<ResolversTypes['DataGroupName']>>, ParentType, ContextType>;
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['ApplicationEvent']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  needsMonitoring?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisationName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['Requester']>, ParentType, ContextType>;
  reviewNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApplicationStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  systemDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  systemName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['UsageTier']>, ParentType, ContextType>;
}>;

export type ApplicationConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ApplicationConnection'] = ResolversParentTypes['ApplicationConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Application']>, ParentType, ContextType>;
}>;

export type ApplicationCredentialsResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ApplicationCredentials'] = ResolversParentTypes['ApplicationCredentials']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  environment?: Resolver<ResolversTypes['Environment'], ParentType, ContextType>;
  grantNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ApplicationEventResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ApplicationEvent'] = ResolversParentTypes['ApplicationEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ApplicationAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  environment?: Resolver<ResolversTypes['Environment'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApplicationSubmissionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ApplicationSubmission'] = ResolversParentTypes['ApplicationSubmission']> = ResolversObject<{
  application?: Resolver<ResolversTypes['Application'], ParentType, ContextType>;
  applicationToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEntryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  clientAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  grantNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operationHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AuditEntryConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
}>;

export type CallerResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Caller'] = ResolversParentTypes['Caller']> = ResolversObject<{
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
}>;

export type ClientSecretRotationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ClientSecretRotation'] = ResolversParentTypes['ClientSecretRotation']> = ResolversObject<{
  clientId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousSecretValidUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CompositeSetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CompositeSet'] = ResolversParentTypes['CompositeSet']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['CompositeSetVersion']>, ParentType, ContextType>;
}>;

export type CompositeSetConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CompositeSetConnection'] = ResolversParentTypes['CompositeSetConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CompositeSet']>, ParentType, ContextType>;
}>;

export type CompositeSetVersionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CompositeSetVersion'] = ResolversParentTypes['CompositeSetVersion']> = ResolversObject<{
  compositeSet?: Resolver<ResolversTypes['CompositeSet'], ParentType, ContextType>;
  covered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupCoverage']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  operationName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationType?: Resolver<ResolversTypes['CompositeOperationType'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CompositeSetStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CompositeSetVersionConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CompositeSetVersionConnection'] = ResolversParentTypes['CompositeSetVersionConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CompositeSetVersion']>, ParentType, ContextType>;
}>;

export type DataGroupResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataGroup'] = ResolversParentTypes['DataGroup']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DataGroupField']>, ParentType, ContextType>;
  legalBases?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['DataGroupName'], ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataGroupCoverageResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataGroupCoverage'] = ResolversParentTypes['DataGroupCoverage']> = ResolversObject<{
  covered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dataGroup?: Resolver<ResolversTypes['DataGroupName'], ParentType, ContextType>;
}>;

export type DataGroupFieldResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataGroupField'] = ResolversParentTypes['DataGroupField']> = ResolversObject<{
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DataSubjectAccessResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DataSubjectAccess'] = ResolversParentTypes['DataSubjectAccess']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requesterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset'], FederationReferenceType extends FederationReferenceTypes['Dataset'] = FederationReferenceTypes['Dataset']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dataset']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroup']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBases?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
}>;

export type DatasetConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DisclosureOrganisationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['DisclosureOrganisation'] = ResolversParentTypes['DisclosureOrganisation']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GrantResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Grant'] = ResolversParentTypes['Grant']> = ResolversObject<{
  approvedSetsOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['GrantCondition']>, ParentType, ContextType>;
  confidential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dailyQuota?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  environment?: Resolver<ResolversTypes['Environment'], ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  manualLookup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  monitoringAllowed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type GrantConditionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['GrantCondition'] = ResolversParentTypes['GrantCondition']> = ResolversObject<{
  field?: Resolver<ResolversTypes['ConditionField'], ParentType, ContextType>;
  operator?: Resolver<ResolversTypes['ConditionOperator'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IssuedApiKeyResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['IssuedApiKey'] = ResolversParentTypes['IssuedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LegalBasisResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['LegalBasis'] = ResolversParentTypes['LegalBasis']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  englishTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ManualLookupGrantResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ManualLookupGrant'] = ResolversParentTypes['ManualLookupGrant']> = ResolversObject<{
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type MembershipResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['OrganisationRole']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MembershipStatus'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationAddMemberArgs, 'personCode' | 'requesterId' | 'roles'>>;
  amendApplication?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationAmendApplicationArgs, 'applicationToken' | 'input'>>;
  appointSignatory?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationAppointSignatoryArgs, 'personCode' | 'requesterId'>>;
  approveApplication?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationApproveApplicationArgs, 'number'>>;
  approveCompositeSet?: Resolver<ResolversTypes['CompositeSetVersion'], ParentType, ContextType, RequireFields<MutationApproveCompositeSetArgs, 'id' | 'version'>>;
  claimApplicationCredentials?: Resolver<ResolversTypes['ApplicationCredentials'], ParentType, ContextType, RequireFields<MutationClaimApplicationCredentialsArgs, 'applicationToken'>>;
  createGrant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType, RequireFields<MutationCreateGrantArgs, 'input'>>;
  createRequester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType, RequireFields<MutationCreateRequesterArgs, 'input'>>;
  issueApiKey?: Resolver<ResolversTypes['IssuedApiKey'], ParentType, ContextType, RequireFields<MutationIssueApiKeyArgs, 'input'>>;
  issueProductionGrant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType, RequireFields<MutationIssueProductionGrantArgs, 'input' | 'number'>>;
  recordAcceptanceAct?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationRecordAcceptanceActArgs, 'input' | 'number'>>;
  reinstateMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationReinstateMemberArgs, 'personCode' | 'requesterId'>>;
  rejectApplication?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationRejectApplicationArgs, 'number' | 'reason'>>;
  rejectCompositeSet?: Resolver<ResolversTypes['CompositeSetVersion'], ParentType, ContextType, RequireFields<MutationRejectCompositeSetArgs, 'id' | 'reason' | 'version'>>;
  removeMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationRemoveMemberArgs, 'personCode' | 'requesterId'>>;
  reportAcceptanceTests?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationReportAcceptanceTestsArgs, 'applicationToken'>>;
  requestApplicationChanges?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<MutationRequestApplicationChangesArgs, 'number' | 'reason'>>;
  retireCompositeSet?: Resolver<ResolversTypes['CompositeSetVersion'], ParentType, ContextType, RequireFields<MutationRetireCompositeSetArgs, 'id' | 'version'>>;
  reviseCompositeSet?: Resolver<ResolversTypes['CompositeSetVersion'], ParentType, ContextType, RequireFields<MutationReviseCompositeSetArgs, 'document' | 'id'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeGrant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType, RequireFields<MutationRevokeGrantArgs, 'number'>>;
  rotateClientSecret?: Resolver<ResolversTypes['ClientSecretRotation'], ParentType, ContextType, RequireFields<MutationRotateClientSecretArgs, 'applicationToken' | 'overlapSeconds'>>;
  setMemberRoles?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationSetMemberRolesArgs, 'personCode' | 'requesterId' | 'roles'>>;
  submitApplication?: Resolver<ResolversTypes['ApplicationSubmission'], ParentType, ContextType, RequireFields<MutationSubmitApplicationArgs, 'input'>>;
  submitCompositeSet?: Resolver<ResolversTypes['CompositeSetVersion'], ParentType, ContextType, RequireFields<MutationSubmitCompositeSetArgs, 'input'>>;
  suspendMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationSuspendMemberArgs, 'personCode' | 'requesterId'>>;
  updateGrant?: Resolver<ResolversTypes['Grant'], ParentType, ContextType, RequireFields<MutationUpdateGrantArgs, 'input' | 'number'>>;
}>;

export type MyDisclosureResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['MyDisclosure'] = ResolversParentTypes['MyDisclosure']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['DisclosureChannel'], ParentType, ContextType>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroupName']>, ParentType, ContextType>;
  legalBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisationName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MyDisclosureConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['MyDisclosureConnection'] = ResolversParentTypes['MyDisclosureConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MyDisclosure']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withheldByLaw?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PeopleEventResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PeopleEvent'] = ResolversParentTypes['PeopleEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['PeopleAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['OrganisationRole']>, ParentType, ContextType>;
}>;

export type PeopleEventConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PeopleEventConnection'] = ResolversParentTypes['PeopleEventConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['PeopleEvent']>, ParentType, ContextType>;
}>;

export type PortalUserResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PortalUser'] = ResolversParentTypes['PortalUser']> = ResolversObject<{
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformRoles?: Resolver<Array<ResolversTypes['PlatformRole']>, ParentType, ContextType>;
}>;

export type ProviderResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider'], FederationReferenceType extends FederationReferenceTypes['Provider'] = FederationReferenceTypes['Provider']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Provider']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<QueryApplicationArgs, 'number'>>;
  applications?: Resolver<ResolversTypes['ApplicationConnection'], ParentType, ContextType, RequireFields<QueryApplicationsArgs, 'first'>>;
  auditEntries?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAuditEntriesArgs, 'first'>>;
  compositeSets?: Resolver<ResolversTypes['CompositeSetConnection'], ParentType, ContextType, RequireFields<QueryCompositeSetsArgs, 'first'>>;
  dataGroup?: Resolver<Maybe<ResolversTypes['DataGroup']>, ParentType, ContextType, RequireFields<QueryDataGroupArgs, 'name'>>;
  dataGroups?: Resolver<Array<ResolversTypes['DataGroup']>, ParentType, ContextType>;
  dataSubjectAccessReport?: Resolver<Array<ResolversTypes['DataSubjectAccess']>, ParentType, ContextType, RequireFields<QueryDataSubjectAccessReportArgs, 'personCode'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'code'>>;
  datasets?: Resolver<ResolversTypes['DatasetConnection'], ParentType, ContextType, RequireFields<QueryDatasetsArgs, 'first'>>;
  manualLookupGrants?: Resolver<Array<ResolversTypes['ManualLookupGrant']>, ParentType, ContextType, RequireFields<QueryManualLookupGrantsArgs, 'requesterId'>>;
  me?: Resolver<ResolversTypes['Caller'], ParentType, ContextType>;
  myApplication?: Resolver<ResolversTypes['Application'], ParentType, ContextType, RequireFields<QueryMyApplicationArgs, 'applicationToken'>>;
  myDisclosureOrganisations?: Resolver<Array<ResolversTypes['DisclosureOrganisation']>, ParentType, ContextType>;
  myDisclosures?: Resolver<ResolversTypes['MyDisclosureConnection'], ParentType, ContextType, RequireFields<QueryMyDisclosuresArgs, 'first'>>;
  organisationMembers?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<QueryOrganisationMembersArgs, 'requesterId'>>;
  pendingCompositeSets?: Resolver<ResolversTypes['CompositeSetVersionConnection'], ParentType, ContextType, RequireFields<QueryPendingCompositeSetsArgs, 'first'>>;
  peopleEvents?: Resolver<ResolversTypes['PeopleEventConnection'], ParentType, ContextType, RequireFields<QueryPeopleEventsArgs, 'first' | 'requesterId'>>;
  portalMe?: Resolver<Maybe<ResolversTypes['PortalUser']>, ParentType, ContextType>;
  providers?: Resolver<Array<ResolversTypes['Provider']>, ParentType, ContextType>;
  requesters?: Resolver<ResolversTypes['RequesterConnection'], ParentType, ContextType, RequireFields<QueryRequestersArgs, 'first'>>;
  usageStatistics?: Resolver<Array<ResolversTypes['UsageStatistic']>, ParentType, ContextType, RequireFields<QueryUsageStatisticsArgs, 'from' | 'to'>>;
}>;

export type RequesterResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Requester'] = ResolversParentTypes['Requester']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  contactEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['Grant']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registrationNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RequesterConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['RequesterConnection'] = ResolversParentTypes['RequesterConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Requester']>, ParentType, ContextType>;
}>;

export type UsageStatisticResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['UsageStatistic'] = ResolversParentTypes['UsageStatistic']> = ResolversObject<{
  dataGroup?: Resolver<ResolversTypes['DataGroupName'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  persons?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requester?: Resolver<ResolversTypes['Requester'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UsageTierResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['UsageTier'] = ResolversParentTypes['UsageTier']> = ResolversObject<{
  personsPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CatalogContext> = ResolversObject<{
  AcceptanceAct?: AcceptanceActResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  Application?: ApplicationResolvers<ContextType>;
  ApplicationConnection?: ApplicationConnectionResolvers<ContextType>;
  ApplicationCredentials?: ApplicationCredentialsResolvers<ContextType>;
  ApplicationEvent?: ApplicationEventResolvers<ContextType>;
  ApplicationSubmission?: ApplicationSubmissionResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  Caller?: CallerResolvers<ContextType>;
  ClientSecretRotation?: ClientSecretRotationResolvers<ContextType>;
  CompositeSet?: CompositeSetResolvers<ContextType>;
  CompositeSetConnection?: CompositeSetConnectionResolvers<ContextType>;
  CompositeSetVersion?: CompositeSetVersionResolvers<ContextType>;
  CompositeSetVersionConnection?: CompositeSetVersionConnectionResolvers<ContextType>;
  DataGroup?: DataGroupResolvers<ContextType>;
  DataGroupCoverage?: DataGroupCoverageResolvers<ContextType>;
  DataGroupField?: DataGroupFieldResolvers<ContextType>;
  DataSubjectAccess?: DataSubjectAccessResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DisclosureOrganisation?: DisclosureOrganisationResolvers<ContextType>;
  Grant?: GrantResolvers<ContextType>;
  GrantCondition?: GrantConditionResolvers<ContextType>;
  IssuedApiKey?: IssuedApiKeyResolvers<ContextType>;
  LegalBasis?: LegalBasisResolvers<ContextType>;
  ManualLookupGrant?: ManualLookupGrantResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MyDisclosure?: MyDisclosureResolvers<ContextType>;
  MyDisclosureConnection?: MyDisclosureConnectionResolvers<ContextType>;
  PeopleEvent?: PeopleEventResolvers<ContextType>;
  PeopleEventConnection?: PeopleEventConnectionResolvers<ContextType>;
  PortalUser?: PortalUserResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Requester?: RequesterResolvers<ContextType>;
  RequesterConnection?: RequesterConnectionResolvers<ContextType>;
  UsageStatistic?: UsageStatisticResolvers<ContextType>;
  UsageTier?: UsageTierResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CatalogContext> = ResolversObject<{
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;
