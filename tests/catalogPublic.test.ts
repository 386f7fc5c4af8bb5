import { dataGroupsOf, fieldRolesOf, loadSupergraphSdl, rootFieldsServedBy } from "@rnp/schema";
import {
  buildSchema,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";
import { post } from "./support/post";

// The catalog is readable with no Authorization header at all, over plain fetch; everything
// about requesters, keys, grants and the audit keeps refusing such a caller with 401.

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const anonymous = (query: string) => post(platform.gatewayUrl, query);

const DATA_GROUPS = `{
  dataGroups {
    name description subgraph
    fields { coordinate type description }
    legalBases { code title englishTitle provision url description }
  }
}`;

interface PublicGroup {
  name: string;
  description: string;
  subgraph: string;
  fields: { coordinate: string; type: string; description: string | null }[];
  legalBases: { code: string; title: string; url: string | null }[];
}

describe("the public catalog, without credentials", () => {
  it("lists every data group with each field's type and description, as the supergraph's SDL has them", async () => {
    const { status, body } = await anonymous(DATA_GROUPS);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const groups = body.data?.dataGroups as PublicGroup[];
    const fromSdl = dataGroupsOf(loadSupergraphSdl());
    expect(groups.map((group) => group.name)).toEqual(fromSdl.map((group) => group.name));
    for (const group of groups) {
      const sdl = fromSdl.find((candidate) => candidate.name === group.name)!;
      expect(group.fields).toEqual(sdl.fields);
      expect(group.fields.length).toBeGreaterThan(0);
      expect(group.subgraph).toBe("person");
      expect(group.description).not.toBe("");
    }
    const surname = groups.flatMap((group) => group.fields).find((f) => f.coordinate === "Person.surname");
    expect(surname).toMatchObject({
      type: expect.stringMatching(/^String/),
      description: expect.any(String),
    });
  });

  it("names the legal bases that typically justify each group: the register's own law first among the common ones", async () => {
    const groups = (await anonymous(DATA_GROUPS)).body.data?.dataGroups as PublicGroup[];
    for (const group of groups) {
      const codes = group.legalBases.map((basis) => basis.code);
      expect(codes).toContain("FPR_LAW");
      expect(codes).toContain("GDPR_ART_6");
      expect(new Set(codes).size).toBe(codes.length);
    }
    const address = groups.find((group) => group.name === "ADDRESS")!;
    expect(address.legalBases[0]).toMatchObject({ code: "RESIDENCE_DECLARATION_LAW" });
    const law = address.legalBases.find((basis) => basis.code === "FPR_LAW");
    expect(law).toMatchObject({
      title: "Fizisko personu reģistra likums",
      url: "https://likumi.lv/ta/id/296185",
    });
  });

  it("lists the datasets with their providers, groups and legal bases, and the providers with their datasets", async () => {
    const { status, body } = await anonymous(`{
      datasets(first: 100) {
        totalCount
        nodes { code name description provider { code name contactEmail } dataGroups { name } legalBases { code } }
      }
      providers { code registrationNumber datasets { code } }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const page = body.data?.datasets as {
      totalCount: number;
      nodes: {
        code: string;
        provider: { code: string };
        dataGroups: { name: string }[];
        legalBases: { code: string }[];
      }[];
    };
    expect(page.nodes.length).toBe(page.totalCount);
    const address = page.nodes.find((dataset) => dataset.code === "person-address")!;
    expect(address.provider.code).toBe("pmlp");
    expect(address.dataGroups).toEqual([{ name: "ADDRESS" }]);
    expect(address.legalBases.map((basis) => basis.code)).toContain("RESIDENCE_DECLARATION_LAW");
    const providers = body.data?.providers as { code: string; datasets: { code: string }[] }[];
    expect(providers.find((provider) => provider.code === "pmlp")?.datasets.map((d) => d.code)).toContain(
      "person-address",
    );
  });
});

describe("what stays private, without credentials", () => {
  const refused: [string, string][] = [
    ["the caller", "{ me { role } }"],
    [
      "requesters and their API keys and grants",
      "{ requesters { nodes { name apiKeys { prefix } grants { number } } } }",
    ],
    ["the audit trail", "{ auditEntries { nodes { personCode } } }"],
    ["usage statistics", '{ usageStatistics(from: "2026-01-01", to: "2026-12-31") { persons } }'],
    ["the data-subject access report", '{ dataSubjectAccessReport(personCode: "161175-19997") { at } }'],
    [
      "creating a grant",
      'mutation { createGrant(input: { requesterId: "1", dataGroups: [NAME], legalBasis: "x", purpose: "x", validFrom: "2026-01-01", validTo: "2026-12-31", environment: TEST }) { number } }',
    ],
    [
      "issuing an API key",
      'mutation { issueApiKey(input: { requesterId: "1", role: OPERATOR, label: "x" }) { key } }',
    ],
    ["a person", '{ person(personCode: "161175-19997") { surname } }'],
  ];
  for (const [what, query] of refused) {
    it(`refuses ${what}: UNAUTHENTICATED, HTTP 401, no data`, async () => {
      const { status, body } = await anonymous(query);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(body.errors?.[0]?.message).toContain("Authorization: Bearer");
      expect(body.data ?? null).toBeNull();
    });
  }

  it("refuses the whole operation when a public field travels with a private one", async () => {
    const { status, body } = await anonymous("{ dataGroups { name } requesters { nodes { name } } }");
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
  });

  it("a wrong Authorization header is refused even for the public catalog, so a broken key is noticed", async () => {
    const { status, body } = await post(platform.gatewayUrl, "{ dataGroups { name } }", {
      authorization: "Bearer rnp_not-a-key",
    });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toContain("not known");
  });
});

describe("which root fields are public, from the schema", () => {
  const supergraph = loadSupergraphSdl();
  const roles = fieldRolesOf(supergraph);
  const underGrant = new Set([
    ...[...rootFieldsServedBy(supergraph, "person")].map((field) => `Query.${field}`),
    ...[...rootFieldsServedBy(supergraph, "monitoring")].map((field) => `Query.${field}`),
    ...[...rootFieldsServedBy(supergraph, "monitoring", "Mutation")].map((field) => `Mutation.${field}`),
  ]);
  const isPublic = (coordinate: string) => !roles.has(coordinate) && !underGrant.has(coordinate);

  it("exactly the catalog's documentation fields and the applicant's onboarding steps need no key: a new root field must choose a role or a grant", async () => {
    const sdl = await (await fetch(new URL("/catalog/schema.graphql", platform.gatewayUrl))).text();
    const schema = buildSchema(sdl);
    // Subscriptions authenticate on connect (graphql-ws), whatever they select.
    const roots = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    const publicRoots = roots.filter(isPublic).sort();
    // The applicant's steps authenticate with the application token or the client secret
    // they carry (docs/ENVIRONMENTS.md, tests/onboarding*.test.ts), not with an API key.
    const applicantSteps = [
      "Mutation.amendApplication",
      "Mutation.claimApplicationCredentials",
      "Mutation.reportAcceptanceTests",
      "Mutation.rotateClientSecret",
      "Mutation.submitApplication",
      "Query.myApplication",
    ];
    // The portal's people steps authenticate with a person's session (or an operator's key)
    // in their resolvers, and answer UNAUTHENTICATED to anyone else (docs/PORTAL.md).
    const portalSteps = [
      "Mutation.addMember",
      "Mutation.appointSignatory",
      "Mutation.reinstateMember",
      "Mutation.removeMember",
      "Mutation.setMemberRoles",
      "Mutation.suspendMember",
      "Query.manualLookupGrants",
      "Query.myDisclosureOrganisations",
      "Query.myDisclosures",
      "Query.organisationMembers",
      "Query.peopleEvents",
      "Query.portalMe",
    ];
    expect(publicRoots.filter((root) => portalSteps.includes(root))).toEqual(portalSteps);
    applicantSteps.push(...portalSteps);
    expect(publicRoots.filter((root) => !applicantSteps.includes(root))).toEqual([
      "Query.dataGroup",
      "Query.dataGroups",
      "Query.dataset",
      "Query.datasets",
      "Query.providers",
    ]);

    // Nothing private is reachable from a public root through fields that need no role.
    const reached = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reached.has(type.name)) return;
      reached.add(type.name);
      const next =
        isObjectType(type) || isInterfaceType(type)
          ? Object.values(type.getFields())
              .filter((field) => !roles.has(`${type.name}.${field.name}`))
              .map((field) => getNamedType(field.type))
          : isUnionType(type)
            ? type.getTypes()
            : [];
      for (const child of next) visit(child);
    };
    expect(publicRoots.filter((root) => applicantSteps.includes(root))).toEqual(applicantSteps.sort());
    for (const root of publicRoots.filter(
      (root) => root.startsWith("Query.") && !applicantSteps.includes(root),
    )) {
      visit(getNamedType(schema.getQueryType()!.getFields()[root.slice("Query.".length)]!.type));
    }
    for (const secret of [
      "Requester",
      "ApiKey",
      "Grant",
      "AuditEntry",
      "Caller",
      "UsageStatistic",
      "Person",
    ]) {
      expect(reached, `${secret} is reachable from a public field`).not.toContain(secret);
    }
    expect(reached).toContain("LegalBasis");
  });
});
