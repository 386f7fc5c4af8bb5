import { type Random, WeightedPicker } from "./random";
import type { AddressRow } from "./rows";
import { postalCodeOf, RIGA_STREETS, streetNamesFor } from "./streetNames";
import {
  HOUSE_NAMES,
  MUNICIPALITIES,
  type MunicipalityDef,
  type SettlementDef,
  TOWN_STREETS,
} from "./territory";

/** Address codes are handed out from this counter up and never reused, like the State Address Register's. */
export const FIRST_ADDRESS_CODE = 100_000_001;

/**
 * Where dwellings are created: a city, town or village with streets, or the countryside of
 * a parish with named homesteads.
 */
interface Place {
  index: number;
  kind: "CITY" | "TOWN" | "VILLAGE" | "COUNTRYSIDE";
  /** Address code of the settlement (or parish) row that new streets or homesteads hang under. */
  parentCode: number;
  municipalityCode: number;
  /** Tail of a full address: "Sigulda, Siguldas nov." */
  label: string;
  /** Town name recorded as a birth or death place for people living here. */
  townName: string;
  postal: readonly [number, number];
  offices: readonly string[];
  apartmentShare: number;
  blockSizes: readonly number[];
  buildingsPerStreet: readonly [number, number];
  streetNames: readonly string[];
  streets: Street[];
  /** Street getting new buildings, and how many more it takes before the next one opens. */
  street: Street | null;
  streetBuildingsLeft: number;
  /** Apartment building whose flats are being handed out. */
  block: Block | null;
}

interface Street {
  code: number;
  name: string;
  nextNumber: number;
  postalCode: string;
}

interface Block {
  code: number;
  address: string;
  postalCode: string;
  flatsLeft: number;
  nextFlat: number;
}

/**
 * The synthetic address register. Territorial units exist from the start; streets,
 * buildings and flats appear as households need dwellings, so the register grows with the
 * number of persons. New rows wait in `pending` until the generator takes them.
 */
export class AddressRegister {
  private nextCode = FIRST_ADDRESS_CODE;
  private readonly places: Place[] = [];
  private readonly placePicker: WeightedPicker<Place>;
  private readonly countryside: WeightedPicker<Place>;
  /** Place index of every dwelling, by address code − FIRST_ADDRESS_CODE (other rows hold −1). */
  private readonly placeOfCode: number[] = [];
  /** Every dwelling created so far, for earlier addresses of people who moved. */
  private readonly dwellings: number[] = [];
  private pending: AddressRow[] = [];

  constructor() {
    const weights: [Place, number][] = [];
    const rural: [Place, number][] = [];
    for (const municipality of MUNICIPALITIES) this.createMunicipality(municipality, weights, rural);
    this.placePicker = new WeightedPicker(weights);
    this.countryside = new WeightedPicker(rural);
  }

  /** Address rows created since the last call. */
  takePending(): AddressRow[] {
    const rows = this.pending;
    this.pending = [];
    return rows;
  }

  /** A new dwelling (flat or house) for a household, somewhere in Latvia by population. */
  newDwelling(random: Random): number {
    return this.createDwelling(random, this.placePicker.pick(random));
  }

  /** A new homestead in the countryside, e.g. a summer house declared as an additional address. */
  newCountryDwelling(random: Random): number {
    return this.createDwelling(random, this.countryside.pick(random));
  }

  /** An existing dwelling, as someone's earlier address (people moved in and out over the years). */
  earlierDwelling(random: Random): number {
    if (this.dwellings.length < 50) return this.newDwelling(random);
    return random.pick(this.dwellings);
  }

  /** Town recorded as birth or death place of someone living at the dwelling. */
  townOf(dwelling: number): string {
    return this.placeOf(dwelling).townName;
  }

  /** PMLP office that serves residents of the dwelling. */
  officeOf(random: Random, dwelling: number): string {
    return random.pick(this.placeOf(dwelling).offices);
  }

  private placeOf(dwelling: number): Place {
    const place = this.places[this.placeOfCode[dwelling - FIRST_ADDRESS_CODE] ?? -1];
    if (!place) throw new Error(`address ${dwelling} is not a dwelling`);
    return place;
  }

  private add(row: Omit<AddressRow, "addressCode">, placeIndex = -1): number {
    const code = this.nextCode++;
    if (code > 999_999_999) throw new Error("the address register ran out of 9-digit codes");
    this.pending.push({ addressCode: String(code), ...row });
    this.placeOfCode.push(placeIndex);
    return code;
  }

  private createMunicipality(
    municipality: MunicipalityDef,
    weights: [Place, number][],
    rural: [Place, number][],
  ): void {
    if (municipality.stateCity) {
      const [settlement] = municipality.settlements;
      if (!settlement) throw new Error(`${municipality.name} has no city`);
      const code = this.add({
        kind: "CITY",
        name: municipality.name,
        parentCode: null,
        municipalityCode: String(this.nextCode),
        buildingCode: null,
        postalCode: postalCodeOf(settlement.postal[0]),
        fullAddress: municipality.name,
      });
      weights.push([
        this.placeFor(settlement, code, code, municipality.name, municipality),
        settlement.weight,
      ]);
      return;
    }
    const municipalityCode = this.add({
      kind: "MUNICIPALITY",
      name: municipality.name,
      parentCode: null,
      municipalityCode: String(this.nextCode),
      buildingCode: null,
      postalCode: null,
      fullAddress: municipality.short,
    });
    const parishes = new Map<string, { code: number; postal: number }>();
    const parishOf = (genitive: string, postal: number) => {
      const known = parishes.get(genitive);
      if (known) return known.code;
      const code = this.add({
        kind: "PARISH",
        name: `${genitive} pagasts`,
        parentCode: String(municipalityCode),
        municipalityCode: String(municipalityCode),
        buildingCode: null,
        postalCode: null,
        fullAddress: `${genitive} pag., ${municipality.short}`,
      });
      parishes.set(genitive, { code, postal });
      return code;
    };
    const mainTown =
      municipality.settlements.find((s) => s.kind !== "VILLAGE") ?? municipality.settlements[0];
    for (const settlement of municipality.settlements) {
      const parentCode = settlement.parish
        ? parishOf(settlement.parish, settlement.postal[0])
        : municipalityCode;
      const label =
        settlement.kind === "CITY"
          ? settlement.name
          : settlement.parish
            ? `${settlement.name}, ${settlement.parish} pag., ${municipality.short}`
            : `${settlement.name}, ${municipality.short}`;
      const code = this.add({
        kind: settlement.kind,
        name: settlement.name,
        parentCode: String(parentCode),
        municipalityCode: String(municipalityCode),
        buildingCode: null,
        postalCode: postalCodeOf(settlement.postal[0]),
        fullAddress: label,
      });
      const townName = settlement.kind === "VILLAGE" ? (mainTown?.name ?? settlement.name) : settlement.name;
      weights.push([
        this.placeFor(settlement, code, municipalityCode, label, municipality, townName),
        settlement.weight,
      ]);
    }
    const parishList = [...parishes.entries()];
    for (const [genitive, parish] of parishList) {
      const place: Place = {
        ...this.placeFor(
          { name: genitive, kind: "VILLAGE", postal: [parish.postal, parish.postal], weight: 0 },
          parish.code,
          municipalityCode,
          `${genitive} pag., ${municipality.short}`,
          municipality,
          mainTown?.name ?? genitive,
        ),
        kind: "COUNTRYSIDE",
        apartmentShare: 0,
      };
      const weight = municipality.ruralWeight / parishList.length;
      weights.push([place, weight]);
      rural.push([place, weight]);
    }
  }

  private placeFor(
    settlement: SettlementDef,
    parentCode: number,
    municipalityCode: number,
    label: string,
    municipality: MunicipalityDef,
    townName = settlement.name,
  ): Place {
    const isRiga = municipality.name === "Rīga";
    const shape =
      settlement.kind === "CITY"
        ? municipality.stateCity
          ? {
              apartmentShare: isRiga ? 0.88 : 0.8,
              blockSizes: isRiga ? [24, 36, 40, 45, 60, 72, 80, 90, 108, 120] : [12, 18, 24, 36, 45, 60, 80],
              buildingsPerStreet: [15, 70] as const,
            }
          : {
              apartmentShare: 0.75,
              blockSizes: [12, 18, 24, 36, 45, 60],
              buildingsPerStreet: [10, 45] as const,
            }
        : settlement.kind === "TOWN"
          ? {
              apartmentShare: 0.55,
              blockSizes: [8, 12, 18, 24, 30, 45, 60],
              buildingsPerStreet: [6, 35] as const,
            }
          : { apartmentShare: 0.35, blockSizes: [4, 6, 8, 12, 18, 24], buildingsPerStreet: [3, 15] as const };
    const place: Place = {
      index: this.places.length,
      kind: settlement.kind,
      parentCode,
      municipalityCode,
      label,
      townName,
      postal: settlement.postal,
      offices: municipality.offices,
      ...shape,
      streetNames: streetNamesFor(this.places.length, isRiga ? RIGA_STREETS : TOWN_STREETS, settlement.kind),
      streets: [],
      street: null,
      streetBuildingsLeft: 0,
      block: null,
    };
    this.places.push(place);
    return place;
  }

  private createDwelling(random: Random, place: Place): number {
    let dwelling: number;
    if (place.kind === "COUNTRYSIDE") dwelling = this.createHomestead(random, place);
    else if (random.chance(place.apartmentShare)) dwelling = this.createFlat(random, place);
    else dwelling = this.createHouse(random, place).code;
    this.placeOfCode[dwelling - FIRST_ADDRESS_CODE] = place.index;
    this.dwellings.push(dwelling);
    return dwelling;
  }

  private createHomestead(random: Random, place: Place): number {
    const base = random.pick(HOUSE_NAMES);
    // Prefixed variants (Jaunkalnāji, Vecozoli) as real homestead names have.
    const name = random.chance(0.3)
      ? `${random.pick(["Jaun", "Vec", "Lejas", "Augš"])}${base.toLowerCase()}`
      : base;
    const postalCode = postalCodeOf(place.postal[0]);
    const code = this.nextCode;
    return this.add({
      kind: "BUILDING",
      name,
      parentCode: String(place.parentCode),
      municipalityCode: String(place.municipalityCode),
      buildingCode: String(code),
      postalCode,
      fullAddress: `"${name}", ${place.label}, ${postalCode}`,
    });
  }

  private createHouse(random: Random, place: Place): { code: number; address: string; postalCode: string } {
    const street = this.streetForNewBuilding(random, place);
    const number = street.nextNumber;
    // Now and then a lot is split and gets a lettered number (12A) next to 12.
    const label = random.chance(0.04) ? `${number}A` : String(number);
    street.nextNumber += random.chance(0.7) ? 1 : 2;
    const address = `${street.name} ${label}`;
    const code = this.nextCode;
    this.add({
      kind: "BUILDING",
      name: label,
      parentCode: String(street.code),
      municipalityCode: String(place.municipalityCode),
      buildingCode: String(code),
      postalCode: street.postalCode,
      fullAddress: `${address}, ${place.label}, ${street.postalCode}`,
    });
    return { code, address, postalCode: street.postalCode };
  }

  private createFlat(random: Random, place: Place): number {
    if (!place.block || place.block.flatsLeft === 0) {
      const building = this.createHouse(random, place);
      // The building row itself is not a dwelling here: people declare its flats.
      place.block = { ...building, flatsLeft: random.pick(place.blockSizes), nextFlat: 1 };
    }
    const block = place.block;
    const flat = block.nextFlat++;
    block.flatsLeft--;
    return this.add({
      kind: "FLAT",
      name: String(flat),
      parentCode: String(block.code),
      municipalityCode: String(place.municipalityCode),
      buildingCode: String(block.code),
      postalCode: block.postalCode,
      fullAddress: `${block.address} - ${flat}, ${place.label}, ${block.postalCode}`,
    });
  }

  private streetForNewBuilding(random: Random, place: Place): Street {
    if (place.street && place.streetBuildingsLeft > 0) {
      place.streetBuildingsLeft--;
      return place.street;
    }
    let street: Street;
    const index = place.streets.length;
    if (index < place.streetNames.length) {
      const name = place.streetNames[index] as string;
      const [first, last] = place.postal;
      // Larger cities have a postal code per district; give each street one of them.
      const postalCode = postalCodeOf(first + ((index * 37) % (last - first + 1)));
      const code = this.add({
        kind: "STREET",
        name,
        parentCode: String(place.parentCode),
        municipalityCode: String(place.municipalityCode),
        buildingCode: null,
        postalCode: null,
        fullAddress: `${name}, ${place.label}`,
      });
      street = { code, name, nextNumber: 1 + random.int(12), postalCode };
      place.streets.push(street);
    } else {
      // Every street name is taken: the town grows along its existing streets.
      street = place.streets[random.int(place.streets.length)] as Street;
    }
    place.street = street;
    place.streetBuildingsLeft = random.between(...place.buildingsPerStreet) - 1;
    return street;
  }
}
