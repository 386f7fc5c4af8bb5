/** Street names and postal codes of the synthetic address register. */
import { faker as fakerLV } from "@faker-js/faker/locale/lv";
import type { SettlementDef } from "./territory";

/** Street names of Rīga: faker's Latvian street name parts with a fixed spread of suffixes. */
function riga(): readonly string[] {
  const parts = fakerLV.rawDefinitions.location?.street_name_part;
  if (!parts?.length) throw new Error("@faker-js/faker no longer ships Latvian street names");
  const suffixes = [
    "iela",
    "iela",
    "iela",
    "iela",
    "iela",
    "iela",
    "gatve",
    "bulvāris",
    "dambis",
    "prospekts",
  ];
  // Spread suffixes by position so the list is fixed (no randomness at module load).
  return parts.map((part, i) => `${part} ${suffixes[(i * 7) % suffixes.length]}`);
}

export const RIGA_STREETS = riga();

/**
 * Street names of a place: the common list rotated by the place's position, so towns do not
 * all start with the same street; villages have fewer streets.
 */
export function streetNamesFor(
  placeIndex: number,
  names: readonly string[],
  kind: SettlementDef["kind"],
): string[] {
  const start = (placeIndex * 7) % names.length;
  const rotated = [...names.slice(start), ...names.slice(0, start)];
  return kind === "VILLAGE" ? rotated.slice(0, 20) : rotated;
}

export function postalCodeOf(number: number): string {
  return `LV-${String(number).padStart(4, "0")}`;
}
