/** The look-up's grant and purpose, kept for the tab so a relation's link is a look-up of its own. */
export interface PdpContext {
  grantNumber: string;
  purpose: string;
  dataGroups: string[];
}

const KEY = "rnp-pdp";

export function savePdpContext(context: PdpContext) {
  sessionStorage.setItem(KEY, JSON.stringify(context));
}

export function loadPdpContext(): PdpContext | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "null") as PdpContext | null;
  } catch {
    return null;
  }
}

/** The headers of a look-up: the grant exercised and the purpose (URI-encoded: headers are ASCII). */
export const pdpHeaders = (context: PdpContext) => ({
  headers: { grant: context.grantNumber, "x-rnp-purpose": encodeURIComponent(context.purpose) },
});
