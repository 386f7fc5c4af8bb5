/**
 * The legal acts that typically justify a requester's access to each data group. This is
 * catalog data (what a requester should cite when it asks for a grant), not a rule the
 * platform enforces: a grant names its own legal basis, reviewed by the operator.
 */
export interface LegalBasisEntry {
  /** Stable code, e.g. `FPR_LAW`. */
  code: string;
  /** The act's official title. */
  title: string;
  /** The act's title in English. */
  englishTitle: string;
  /** The provisions that matter here, when narrower than the whole act. */
  provision: string | null;
  /** Where the act is published (an IRI), when the catalog knows one. */
  url: string | null;
  /** How the act applies to the group. */
  description: string;
}

const FPR_LAW: LegalBasisEntry = {
  code: "FPR_LAW",
  title: "Fizisko personu reģistra likums",
  englishTitle: "Law on the Register of Natural Persons",
  provision: null,
  url: "https://likumi.lv/ta/id/296185",
  description:
    "Establishes the register, names PMLP its controller and sets who may receive its data and on what terms.",
};

const GDPR: LegalBasisEntry = {
  code: "GDPR_ART_6",
  title: "Regulation (EU) 2016/679 (General Data Protection Regulation)",
  englishTitle: "General Data Protection Regulation",
  provision: "Article 6(1)(c) and (e)",
  url: "http://data.europa.eu/eli/reg/2016/679/oj",
  description:
    "Processing needed to meet a legal obligation or to perform a task in the public interest: the requester names the law that sets it.",
};

const CABINET_378: LegalBasisEntry = {
  code: "CABINET_REG_378_2013",
  title: "Ministru kabineta 2013. gada noteikumi Nr. 378",
  englishTitle: "Cabinet Regulation No. 378 of 2013",
  provision: null,
  url: null,
  description: "Lists the data the register holds about a person, which the data groups follow.",
};

const DAGR_624: LegalBasisEntry = {
  code: "CABINET_REG_624_2023",
  title:
    "Ministru kabineta 2023. gada 31. oktobra noteikumi Nr. 624 “Datu izplatīšanas un pārvaldības platformas noteikumi”",
  englishTitle:
    "Cabinet Regulation No. 624 of 31 October 2023, Data Distribution and Management Platform Regulations",
  provision: null,
  url: null,
  description:
    "How register data is distributed to authorised recipients through the state data platform (DAGR).",
};

const AML_LAW: LegalBasisEntry = {
  code: "AML_LAW",
  title:
    "Noziedzīgi iegūtu līdzekļu legalizācijas un terorisma un proliferācijas finansēšanas novēršanas likums",
  englishTitle: "Law on the Prevention of Money Laundering and Terrorism and Proliferation Financing",
  provision: null,
  url: null,
  description:
    "Obliges banks and other subjects of the law to identify their customers and keep the identification current.",
};

const RESIDENCE_LAW: LegalBasisEntry = {
  code: "RESIDENCE_DECLARATION_LAW",
  title: "Dzīvesvietas deklarēšanas likums",
  englishTitle: "Declaration of Place of Residence Law",
  provision: null,
  url: null,
  description:
    "Defines the declared place of residence, at which the state and municipalities contact a person.",
};

const DOCUMENTS_LAW: LegalBasisEntry = {
  code: "PERSONAL_DOCUMENTS_LAW",
  title: "Personu apliecinošu dokumentu likums",
  englishTitle: "Personal Identification Documents Law",
  provision: null,
  url: null,
  description: "Governs passports and eID cards: their issue, validity and invalidation.",
};

const CIVIL_STATUS_LAW: LegalBasisEntry = {
  code: "CIVIL_STATUS_LAW",
  title: "Civilstāvokļa aktu reģistrācijas likums",
  englishTitle: "Law on the Registration of Civil Status Documents",
  provision: null,
  url: null,
  description: "Governs the registration of births, marriages and deaths, which the register records.",
};

const CITIZENSHIP_LAW: LegalBasisEntry = {
  code: "CITIZENSHIP_LAW",
  title: "Pilsonības likums",
  englishTitle: "Citizenship Law",
  provision: null,
  url: null,
  description: "Determines who is a citizen of Latvia, the status the register records.",
};

/** Acts that apply to every group: the register's own law, the GDPR basis, the data list, DAGR's rules. */
const COMMON = [FPR_LAW, GDPR, CABINET_378, DAGR_624];

const BY_GROUP: Record<string, LegalBasisEntry[]> = {
  PERSON_CODES: [AML_LAW],
  NAME: [AML_LAW, CIVIL_STATUS_LAW],
  BIRTH: [AML_LAW, CIVIL_STATUS_LAW],
  CITIZENSHIP: [CITIZENSHIP_LAW, AML_LAW],
  ADDRESS: [RESIDENCE_LAW, AML_LAW],
  DOCUMENTS: [DOCUMENTS_LAW, AML_LAW],
  FAMILY: [CIVIL_STATUS_LAW],
  DEATH: [CIVIL_STATUS_LAW],
};

/** The legal bases that typically justify access to a data group, the most specific first. */
export function legalBasesOfGroup(group: string): LegalBasisEntry[] {
  return [...(BY_GROUP[group] ?? []), ...COMMON];
}

/** The legal bases of several groups, each once, in the order first met. */
export function legalBasesOfGroups(groups: readonly string[]): LegalBasisEntry[] {
  const seen = new Map<string, LegalBasisEntry>();
  for (const group of groups) for (const basis of legalBasesOfGroup(group)) seen.set(basis.code, basis);
  return [...seen.values()];
}
