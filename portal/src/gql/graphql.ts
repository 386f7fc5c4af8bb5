/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Sex as registered. */
export type Sex =
  /** Female. */
  | 'FEMALE'
  /** Male. */
  | 'MALE';

export type AddMemberMutationVariables = Exact<{
  requesterId: string | number;
  personCode: string;
  roles: Array<OrganisationRole> | OrganisationRole;
  displayName?: string | null | undefined;
}>;


export type AddMemberMutation = { addMember: { personCode: string, roles: Array<OrganisationRole> } };

export type AppointSignatoryMutationVariables = Exact<{
  requesterId: string | number;
  personCode: string;
}>;


export type AppointSignatoryMutation = { appointSignatory: { personCode: string, organisation: { name: string } } };

export type CatalogPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogPageQuery = { dataGroups: Array<{ name: DataGroupName, description: string, fields: Array<{ coordinate: string, type: string, description: string | null }> }>, providers: Array<{ code: string, name: string, description: string }>, datasets: { totalCount: number, nodes: Array<{ code: string, name: string, description: string, provider: { name: string } }> } };

export type MyRegisterDataQueryVariables = Exact<{
  personCode: string;
}>;


export type MyRegisterDataQuery = { person: { personCode: string, givenName: string, surname: string, formerPersonCodes: Array<string>, birthDate: string, birthPlace: string, sex: Sex, citizenshipStatus: CitizenshipStatus, citizenship: string | null, civilStatus: CivilStatus, deceased: boolean, deathDate: string | null, declaredAddress: { address: { fullAddress: string } } | null, identityDocuments: Array<{ type: DocumentType, number: string, status: DocumentStatus, expiryDate: string }> } | null };

export type MyDisclosuresQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  organisationId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyDisclosuresQuery = { myDisclosures: { totalCount: number, withheldByLaw: number, hasNextPage: boolean, endCursor: string | null, nodes: Array<{ at: string, organisationName: string, dataGroups: Array<DataGroupName>, legalBasis: string, purpose: string, channel: DisclosureChannel }> }, myDisclosureOrganisations: Array<{ id: string, name: string }> };

export type OrganisationPeopleQueryVariables = Exact<{
  requesterId: string | number;
}>;


export type OrganisationPeopleQuery = { organisationMembers: Array<{ personCode: string, displayName: string | null, roles: Array<OrganisationRole>, status: MembershipStatus, organisation: { name: string } }>, peopleEvents: { nodes: Array<{ at: string, actor: string, personCode: string, action: PeopleAction, roles: Array<OrganisationRole> }> } };

export type SuspendMemberMutationVariables = Exact<{
  requesterId: string | number;
  personCode: string;
}>;


export type SuspendMemberMutation = { suspendMember: { personCode: string, status: MembershipStatus } };

export type ReinstateMemberMutationVariables = Exact<{
  requesterId: string | number;
  personCode: string;
}>;


export type ReinstateMemberMutation = { reinstateMember: { personCode: string, status: MembershipStatus } };

export type RemoveMemberMutationVariables = Exact<{
  requesterId: string | number;
  personCode: string;
}>;


export type RemoveMemberMutation = { removeMember: { personCode: string, status: MembershipStatus } };

export type PortalMeQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalMeQuery = { portalMe: { personCode: string, platformRoles: Array<PlatformRole>, memberships: Array<{ roles: Array<OrganisationRole>, status: MembershipStatus, organisation: { id: string, name: string } }> } | null };

export type ManualLookupGrantsQueryVariables = Exact<{
  requesterId: string | number;
}>;


export type ManualLookupGrantsQuery = { manualLookupGrants: Array<{ number: string, purpose: string, legalBasis: string, dataGroups: Array<DataGroupName> }> };

export type PdpSearchByNameQueryVariables = Exact<{
  givenName: string;
  surname: string;
  birthDate: string;
}>;


export type PdpSearchByNameQuery = { searchPersons: { totalCount: number, nodes: Array<{ currentPersonCode: string }> } };

export type PdpSearchByDocumentQueryVariables = Exact<{
  documentNumber: string;
}>;


export type PdpSearchByDocumentQuery = { searchPersons: { totalCount: number, nodes: Array<{ currentPersonCode: string }> } };

export type PdpSearchByAddressQueryVariables = Exact<{
  addressCode: string;
}>;


export type PdpSearchByAddressQuery = { searchPersons: { totalCount: number, nodes: Array<{ currentPersonCode: string }> } };

export type PdpLookUpQueryVariables = Exact<{
  personCode: string;
  codes: boolean;
  name: boolean;
  birth: boolean;
  citizenship: boolean;
  address: boolean;
  documents: boolean;
  family: boolean;
  death: boolean;
}>;


export type PdpLookUpQuery = { person: { personCode: string, formerPersonCodes?: Array<string>, givenName?: string, surname?: string, birthDate?: string, birthPlace?: string, sex?: Sex, citizenshipStatus?: CitizenshipStatus, citizenship?: string | null, civilStatus?: CivilStatus, deceased?: boolean, deathDate?: string | null, declaredAddress?: { address: { fullAddress: string } } | null, identityDocuments?: Array<{ type: DocumentType, number: string, status: DocumentStatus, expiryDate: string }>, spouse?: { personCode: string } | null, mother?: { personCode: string } | null, father?: { personCode: string } | null, children?: Array<{ personCode: string }> } | null };


export const AddMemberDocument = {"__meta__":{"hash":"sha256:c85d1b9cfc7729b080002f16d8be9767b996d0a15f674b349f64222224d6fc39"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roles"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationRole"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"roles"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roles"}}},{"kind":"Argument","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const AppointSignatoryDocument = {"__meta__":{"hash":"sha256:2891f72c469e7e474ead1a0a94a36c636f2635f09f99fab4c625e55bedcee2d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AppointSignatory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointSignatory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AppointSignatoryMutation, AppointSignatoryMutationVariables>;
export const CatalogPageDocument = {"__meta__":{"hash":"sha256:a9249dc113991ee404c373e233f7503ec67b02c957347606da97d96b8471eb8d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coordinate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"datasets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogPageQuery, CatalogPageQueryVariables>;
export const MyRegisterDataDocument = {"__meta__":{"hash":"sha256:f764de030ba201263b0dbcb30c7834f34134e79743264c388b6098ce491a5299"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRegisterData"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"formerPersonCodes"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"birthPlace"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"citizenshipStatus"}},{"kind":"Field","name":{"kind":"Name","value":"citizenship"}},{"kind":"Field","name":{"kind":"Name","value":"declaredAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullAddress"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identityDocuments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"civilStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deceased"}},{"kind":"Field","name":{"kind":"Name","value":"deathDate"}}]}}]}}]} as unknown as DocumentNode<MyRegisterDataQuery, MyRegisterDataQueryVariables>;
export const MyDisclosuresDocument = {"__meta__":{"hash":"sha256:d7654f12d1959654de5083c6a444ec9a86f3b9313d737f024f06546e0b3434c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDisclosures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myDisclosures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"withheldByLaw"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"dataGroups"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myDisclosureOrganisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyDisclosuresQuery, MyDisclosuresQueryVariables>;
export const OrganisationPeopleDocument = {"__meta__":{"hash":"sha256:6ff4ee55c1acaf48552a0972b382e7687402a9b21400c10e0479e4277d16a2cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"peopleEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationPeopleQuery, OrganisationPeopleQueryVariables>;
export const SuspendMemberDocument = {"__meta__":{"hash":"sha256:3ccd592bb70ce3f85cb82a078b3b41c46d2b2e6b71573e9efb3174b637a9d423"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SuspendMemberMutation, SuspendMemberMutationVariables>;
export const ReinstateMemberDocument = {"__meta__":{"hash":"sha256:80d72a5711e400729823afabb56f084e1a371970a399ee0918e7d71c41acb303"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReinstateMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reinstateMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReinstateMemberMutation, ReinstateMemberMutationVariables>;
export const RemoveMemberDocument = {"__meta__":{"hash":"sha256:86d0e339ea9a0c975b55e109a69ae13c95a8e2e35f99dd0fee72565df339546e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const PortalMeDocument = {"__meta__":{"hash":"sha256:df7453728ccc33b395b68d5ac66e29a0872ae280f0a10ad246149fb39919b73b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portalMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"platformRoles"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalMeQuery, PortalMeQueryVariables>;
export const ManualLookupGrantsDocument = {"__meta__":{"hash":"sha256:a09dc5deb01713d645e8fc031008e60e906ab2feda5ea827e207cc88dbb841d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManualLookupGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manualLookupGrants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requesterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requesterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"dataGroups"}}]}}]}}]} as unknown as DocumentNode<ManualLookupGrantsQuery, ManualLookupGrantsQueryVariables>;
export const PdpSearchByNameDocument = {"__meta__":{"hash":"sha256:76f8fc06eff5fd8f6337c6d00be46f49ed1d5749ff83710b8e989f702fb1eb0d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PdpSearchByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"givenName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"surname"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchPersons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"givenName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"givenName"}}},{"kind":"Argument","name":{"kind":"Name","value":"surname"},"value":{"kind":"Variable","name":{"kind":"Name","value":"surname"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentPersonCode"}}]}}]}}]}}]} as unknown as DocumentNode<PdpSearchByNameQuery, PdpSearchByNameQueryVariables>;
export const PdpSearchByDocumentDocument = {"__meta__":{"hash":"sha256:de72c940e06609beb4b3faefe5001aa74426760169ddf2e43e870d81eab38d34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PdpSearchByDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documentNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchPersons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"documentNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documentNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentPersonCode"}}]}}]}}]}}]} as unknown as DocumentNode<PdpSearchByDocumentQuery, PdpSearchByDocumentQueryVariables>;
export const PdpSearchByAddressDocument = {"__meta__":{"hash":"sha256:c3273da1b49d74ef4e343e8f18212e5a8c28331ad36a1fe67d94e0e897180b30"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PdpSearchByAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"addressCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchPersons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"addressCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"addressCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentPersonCode"}}]}}]}}]}}]} as unknown as DocumentNode<PdpSearchByAddressQuery, PdpSearchByAddressQueryVariables>;
export const PdpLookUpDocument = {"__meta__":{"hash":"sha256:6e7d78c25b89d1c398e9171898bce61e8a062954150df179b4769965732e86e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PdpLookUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"codes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"citizenship"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"address"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"documents"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"family"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"death"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}},{"kind":"Field","name":{"kind":"Name","value":"formerPersonCodes"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"codes"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"givenName"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"surname"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"birthDate"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birth"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"birthPlace"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birth"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"sex"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birth"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"citizenshipStatus"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citizenship"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"citizenship"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"citizenship"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"declaredAddress"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"address"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullAddress"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identityDocuments"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"documents"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"civilStatus"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"family"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"spouse"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"family"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mother"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"family"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"father"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"family"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"family"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deceased"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"death"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"deathDate"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"death"}}}]}]}]}}]}}]} as unknown as DocumentNode<PdpLookUpQuery, PdpLookUpQueryVariables>;