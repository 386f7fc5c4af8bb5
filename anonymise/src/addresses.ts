import { keyedCycle } from "./keys";

export interface AddressKey {
  addressCode: string;
  municipalityCode: string;
  kind: string;
}

/**
 * Declared addresses move to another real address of the same kind anywhere in the country
 * (a flat to a flat, a house to a house), by a keyed cyclic shuffle of each kind's addresses
 * in the address register: everyone declared at one address lands together at one other
 * address, so households stay together and residents per address are kept, while where a
 * person lives says nothing of where they really live (their municipality is a
 * quasi-identifier: keeping it singled out many). The address register itself is public
 * reference data and is copied as it is.
 */
export class AddressMapper {
  private readonly images = new Map<string, string>();

  constructor(key: Buffer, addresses: readonly AddressKey[]) {
    const groups = new Map<string, string[]>();
    for (const address of addresses) {
      const group = address.kind;
      const codes = groups.get(group);
      if (codes) codes.push(address.addressCode);
      else groups.set(group, [address.addressCode]);
    }
    for (const [group, codes] of groups) {
      codes.sort();
      const cycle = keyedCycle(key, `addresses\u0000${group}`, codes.length);
      for (let i = 0; i < codes.length; i++)
        this.images.set(codes[i] as string, codes[cycle[i] as number] as string);
    }
  }

  /** The address a declaration at `addressCode` moves to (itself when it is alone in its group). */
  map(addressCode: string): string {
    return this.images.get(addressCode) ?? addressCode;
  }
}
