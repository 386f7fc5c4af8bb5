import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";

/** The signed-in person as `/portal/auth/session` tells it; the CSRF token goes with every change. */
export interface PortalSession {
  signedIn: boolean;
  personCode?: string;
  name?: string;
  csrfToken?: string;
  /** Whether sign-in works here (an OpenID provider is configured or embedded). */
  signInAvailable: boolean;
}

const SessionContext = createContext<{ session: PortalSession | null; refresh: () => Promise<void> }>({
  session: null,
  refresh: async () => {},
});

let current: PortalSession | null = null;

async function readSession(): Promise<PortalSession> {
  const response = await fetch("/portal/auth/session", { credentials: "same-origin" });
  current = (await response.json()) as PortalSession;
  return current;
}

// Asked for as soon as the script runs, not after the first render.
const initial = readSession();
let first: Promise<PortalSession> | null = initial;

/** Settles once the page knows its session (and so the CSRF token its requests carry). */
export const sessionKnown = (): Promise<unknown> => initial.catch(() => null);
/** The CSRF token of the current session, for the GraphQL link. */
export const csrfToken = () => current?.csrfToken;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<PortalSession | null>(null);
  const refresh = useCallback(async () => {
    const read = first ?? readSession();
    first = null;
    setSession(await read);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** POSTs a sign-out (this session, or every session of the person) with the CSRF token. */
export async function signOut(everywhere: boolean) {
  await fetch(everywhere ? "/portal/auth/logout-everywhere" : "/portal/auth/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "x-csrf-token": csrfToken() ?? "" },
  });
}
