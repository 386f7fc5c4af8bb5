import type { CodegenConfig } from "@graphql-codegen/cli";

/** Resolver types generated from each subgraph's SDL, the one place its types are declared. */
const shared = {
  federation: true,
  useIndexSignature: true,
  useTypeImports: true,
  enumsAsTypes: true,
  avoidOptionals: false,
  scalars: { Date: "string", DateTime: "string" },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    "subgraphs/person/src/__generated__/resolvers-types.ts": {
      schema: "subgraphs/person/schema/*.graphql",
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        ...shared,
        contextType: "../context#PersonContext",
        mappers: {
          Person: "../repositories/personRepository#PersonRow",
          NameRecord: "../repositories/personRepository#NameRecordRow",
          Marriage: "../resolvers/Marriage#MarriageParent",
          DeclaredAddress: "../repositories/personRepository#DeclaredAddressRow",
          Address: "../repositories/personRepository#AddressRow",
          IdentityDocument: "../repositories/personRepository#DocumentRow",
          PersonConnection: "../resolvers/Query#PersonConnectionParent",
          PersonSearchConnection: "../resolvers/personSearch#PersonSearchPage",
          PersonSearchMatch: "../resolvers/personSearch#PersonSearchMatchParent",
        },
      },
    },
    "subgraphs/catalog/src/__generated__/resolvers-types.ts": {
      schema: "subgraphs/catalog/schema/*.graphql",
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        ...shared,
        contextType: "../context#CatalogContext",
        mappers: {
          DataGroup: "@rnp/schema#DataGroupDefinition",
          Dataset: "../repositories/catalogRepository#DatasetRow",
          Provider: "../repositories/catalogRepository#ProviderRow",
          DatasetConnection: "../resolvers/Query#DatasetConnectionParent",
          LegalBasis: "../repositories/catalogLegalBases#LegalBasisEntry",
          Requester: "../repositories/accessRepository#RequesterRow",
          ApiKey: "../repositories/accessRepository#ApiKeyRow",
          Grant: "../repositories/accessRepository#GrantRow",
          AuditEntry: "../repositories/auditRepository#AuditRow",
          UsageStatistic: "../repositories/auditRepository#UsageRow",
          DataSubjectAccess: "../repositories/auditRepository#DataSubjectAccessRow",
          CompositeSet: "../repositories/compositeSetRepository#CompositeSetRow",
          CompositeSetVersion: "../repositories/compositeSetRepository#CompositeSetVersionRow",
          CompositeSetConnection: "../resolvers/compositeSets#CompositeSetConnectionParent",
          CompositeSetVersionConnection: "../resolvers/compositeSets#CompositeSetVersionConnectionParent",
          Application: "../repositories/applicationRepository#ApplicationRow",
          ApplicationEvent: "../repositories/applicationRepository#ApplicationEventRow",
          AcceptanceAct: "../repositories/applicationRepository#AcceptanceActRow",
          ApplicationConnection: "../resolvers/applications#ApplicationConnectionParent",
          Membership: "../repositories/peopleRepository#MembershipRow",
          PeopleEvent: "../repositories/peopleRepository#PeopleEventRow",
          PeopleEventConnection: "../resolvers/people#PeopleEventConnectionParent",
          PortalUser: "../resolvers/people#PortalUserParent",
          ManualLookupGrant: "../repositories/accessRepository#GrantRow",
          MyDisclosure: "../repositories/myDisclosuresRepository#MyDisclosureRow",
          MyDisclosureConnection: "../resolvers/people#MyDisclosureConnectionParent",
          DisclosureOrganisation: "../resolvers/people#DisclosureOrganisationParent",
        },
      },
    },
    // The portal's typed documents (GraphQL Code Generator's client preset) from the composed
    // schema, and its persisted documents: the only documents a portal session may run.
    "portal/src/gql/": {
      schema: "schema/supergraph.graphql",
      documents: ["portal/src/**/*.tsx"],
      preset: "client",
      presetConfig: { persistedDocuments: { hashAlgorithm: "sha256" }, fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { Date: "string", DateTime: "string" } },
    },
    // The enums common shares with the gateway and all subgraphs (roles, environments, grant
    // conditions), as string unions from the catalog's SDL, which declares them.
    "common/src/__generated__/enums.ts": {
      schema: "subgraphs/catalog/schema/*.graphql",
      plugins: ["typescript"],
      config: { onlyEnums: true, enumsAsTypes: true, useTypeImports: true },
    },
    "subgraphs/monitoring/src/__generated__/resolvers-types.ts": {
      schema: "subgraphs/monitoring/schema/*.graphql",
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        ...shared,
        contextType: "../context#MonitoringContext",
        mappers: {
          MonitoringSet: "../repositories/setRepository#SetRow",
          ChangeNotification: "../repositories/notificationRepository#NotificationRow",
          MembershipChange: "../resolvers/membership#MembershipChangeParent",
          Person: "../resolvers/membership#PersonReference",
        },
      },
    },
  },
};

export default config;
