import { DCAT_PATH, SDL_PATH } from "@rnp/common";
import type { DataGroupDefinition } from "@rnp/schema";
import { type LegalBasisEntry, legalBasesOfGroups } from "../repositories/catalogLegalBases";
import type { DatasetRow, ProviderRow } from "../repositories/catalogRepository";

export interface DcatCatalogInput {
  /** The gateway's public base URL, e.g. `https://register.example.lv`; every IRI starts with it. */
  baseUrl: string;
  /** Providers; the first by code publishes the catalog itself. */
  providers: ProviderRow[];
  datasets: DatasetRow[];
  dataGroups: DataGroupDefinition[];
}

// EU controlled vocabularies that DCAT-AP 3 names for these properties.
const EU = "http://publications.europa.eu/resource/authority";
const THEME = `${EU}/data-theme`;
const LATVIA = `${EU}/country/LVA`;
const LANGUAGES = [`${EU}/language/LAV`, `${EU}/language/ENG`];
const RESTRICTED = `${EU}/access-right/RESTRICTED`;
const JSON_FORMAT = `${EU}/file-type/JSON`;
const STABLE = `${EU}/planned-availability/STABLE`;
const CONTINUOUS = `${EU}/frequency/CONT`;
const METADATA_LICENCE = `${EU}/licence/CC0`;
const NATIONAL_AUTHORITY = "http://purl.org/adms/publishertype/NationalAuthority";
const JSON_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/application/json";
const GRAPHQL_SPEC = "https://spec.graphql.org/October2021/";

/** Inline, so that a reader (and the test) can expand the document without fetching a context. */
export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  dcatap: "http://data.europa.eu/r5r/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

type Node = Record<string, unknown>;

const iri = (id: string): Node => ({ "@id": id });
const english = (text: string): Node => ({ "@value": text, "@language": "en" });
const dateTime = (at: Date): Node => ({ "@value": at.toISOString(), "@type": "xsd:dateTime" });

/** `PERSON_CODES` → `person codes`. */
const keywordOf = (group: string) => group.toLowerCase().replace(/_/g, " ");

/** EU data themes: every register dataset is about population; addresses are also regional. */
function themesOf(groups: readonly string[]): Node[] {
  const themes = ["SOCI", "GOVE", ...(groups.includes("ADDRESS") ? ["REGI"] : [])];
  return themes.map((theme) => iri(`${THEME}/${theme}`));
}

function agent(documentUrl: string, provider: ProviderRow): Node {
  return {
    "@id": `${documentUrl}#agent-${provider.code}`,
    "@type": "foaf:Agent",
    "foaf:name": provider.name,
    "dct:identifier": provider.registrationNumber,
    "dct:type": iri(NATIONAL_AUTHORITY),
  };
}

function contactPoint(documentUrl: string, provider: ProviderRow): Node {
  return {
    "@id": `${documentUrl}#contact-${provider.code}`,
    "@type": "vcard:Organization",
    "vcard:fn": provider.name,
    "vcard:hasEmail": iri(`mailto:${provider.contactEmail}`),
  };
}

/** The acts the dataset's groups are typically disclosed under, those with a published IRI. */
const legislationOf = (bases: LegalBasisEntry[]) =>
  bases.flatMap((basis) => (basis.url ? [iri(basis.url)] : []));

/**
 * The catalog as a DCAT-AP 3.0 JSON-LD document: one `dcat:Catalog` (publisher, contact
 * point, themes, the GraphQL data service) with a `dcat:Dataset` per published dataset, each
 * with one `dcat:Distribution` whose access URL is the gateway's `/graphql`. The mandatory
 * properties of DCAT-AP 3 (catalogue: title, description, publisher; dataset: title,
 * description; distribution: access URL) are always present, and the recommended ones the
 * catalog has data for. Deterministic: the same rows give the same document, byte for byte.
 */
export function buildDcatCatalog(input: DcatCatalogInput): Node {
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  const documentUrl = `${baseUrl}${DCAT_PATH}`;
  const endpoint = `${baseUrl}/graphql`;
  const sdlUrl = `${baseUrl}${SDL_PATH}`;
  const providers = [...input.providers].sort((a, b) => a.code.localeCompare(b.code));
  const datasets = [...input.datasets].sort((a, b) => a.code.localeCompare(b.code));
  const publisher = providers[0];
  if (!publisher) throw new Error("The catalog has no provider to publish it: seed the catalog first.");
  const providerById = new Map(providers.map((provider) => [provider.id, provider]));
  const groupByName = new Map(input.dataGroups.map((group) => [group.name, group]));
  const termsOfUse = `${documentUrl}#terms-of-use`;
  const serviceId = `${documentUrl}#service`;
  const datasetId = (code: string) => `${documentUrl}#dataset-${code}`;
  const issued = datasets.map((dataset) => dataset.createdAt.getTime());

  const licence: Node = {
    "@id": termsOfUse,
    "@type": "dct:LicenseDocument",
    "dct:title": english("Disclosure under a grant"),
    "dct:description": english(
      "Register data is disclosed only to an authorised requester, under a grant that names its legal basis, purpose and data groups, and every disclosure is audited. Ask the provider's contact point for a grant.",
    ),
  };

  const service: Node = {
    "@id": serviceId,
    "@type": "dcat:DataService",
    "dct:title": english("Population register GraphQL API"),
    "dct:description": english(
      "GraphQL over HTTP (queries, mutations) and graphql-ws (subscriptions) at one URL; an API key and a grant are needed for person data.",
    ),
    "dcat:endpointURL": iri(endpoint),
    "dcat:endpointDescription": iri(sdlUrl),
    "dct:conformsTo": iri(GRAPHQL_SPEC),
    "dct:accessRights": iri(RESTRICTED),
    "dct:license": iri(termsOfUse),
    "dct:publisher": iri(`${documentUrl}#agent-${publisher.code}`),
    "dcat:contactPoint": iri(`${documentUrl}#contact-${publisher.code}`),
    "dcat:servesDataset": datasets.map((dataset) => iri(datasetId(dataset.code))),
  };

  const datasetNodes = datasets.map((dataset): Node => {
    const provider = providerById.get(dataset.providerId) ?? publisher;
    const groups = dataset.dataGroups.filter((name) => groupByName.has(name));
    const fields = groups.flatMap((name) => groupByName.get(name)?.fields.map((f) => f.coordinate) ?? []);
    const legislation = legislationOf(legalBasesOfGroups(groups));
    return {
      "@id": datasetId(dataset.code),
      "@type": "dcat:Dataset",
      "dct:identifier": dataset.code,
      "dct:title": english(dataset.name),
      "dct:description": english(
        `${dataset.description} Data groups: ${groups.join(", ")}; fields: ${fields.join(", ")}.`,
      ),
      "dct:publisher": agent(documentUrl, provider),
      "dcat:contactPoint": contactPoint(documentUrl, provider),
      "dcat:theme": themesOf(groups),
      "dcat:keyword": [
        english("population register"),
        english("personal data"),
        ...groups.map((group) => english(keywordOf(group))),
      ],
      "dct:accessRights": iri(RESTRICTED),
      "dct:conformsTo": iri(sdlUrl),
      "dct:spatial": iri(LATVIA),
      "dct:language": LANGUAGES.map(iri),
      "dct:accrualPeriodicity": iri(CONTINUOUS),
      "dct:issued": dateTime(dataset.createdAt),
      ...(legislation.length > 0 ? { "dcatap:applicableLegislation": legislation } : {}),
      "dcat:distribution": [
        {
          "@id": `${documentUrl}#distribution-${dataset.code}`,
          "@type": "dcat:Distribution",
          "dct:title": english(`${dataset.name} through the GraphQL API`),
          "dct:description": english(
            `Select the fields of the groups ${groups.join(", ")} on Person, by personal code, under a grant that covers them.`,
          ),
          "dcat:accessURL": iri(endpoint),
          "dcat:accessService": iri(serviceId),
          "dct:format": iri(JSON_FORMAT),
          "dcat:mediaType": iri(JSON_MEDIA_TYPE),
          "dct:license": iri(termsOfUse),
          "dct:conformsTo": iri(sdlUrl),
          "dcatap:availability": iri(STABLE),
          ...(legislation.length > 0 ? { "dcatap:applicableLegislation": legislation } : {}),
        },
      ],
    };
  });

  const catalog: Node = {
    "@id": `${documentUrl}#catalog`,
    "@type": "dcat:Catalog",
    "dct:title": english("Population register data catalog"),
    "dct:description": english(
      "The datasets of the Register of Natural Persons that the platform serves to authorised requesters, each a bundle of data groups, with how to reach them.",
    ),
    "dct:publisher": agent(documentUrl, publisher),
    "dcat:contactPoint": contactPoint(documentUrl, publisher),
    "foaf:homepage": iri(documentUrl),
    "dct:language": LANGUAGES.map(iri),
    "dct:spatial": iri(LATVIA),
    "dct:license": iri(METADATA_LICENCE),
    "dcat:themeTaxonomy": iri(THEME),
    ...(issued.length > 0
      ? {
          "dct:issued": dateTime(new Date(Math.min(...issued))),
          "dct:modified": dateTime(new Date(Math.max(...issued))),
        }
      : {}),
    "dcat:service": service,
    "dcat:dataset": datasetNodes,
  };

  return { "@context": DCAT_CONTEXT, "@graph": [catalog, licence] };
}
