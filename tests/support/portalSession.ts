import { readFileSync } from "node:fs";
import { persistedDocumentsFile } from "@rnp/portal/build";
import { parse } from "graphql";

/** A cookie jar of one person, enough for the portal and the embedded provider (one host). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** GET (or POST a form) without following redirects, keeping cookies. */
export async function step(jar: CookieJar, url: string, form?: Record<string, string>) {
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      cookie: jar.header(),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.take(response);
  return response;
}

export interface SignInSteps {
  jar: CookieJar;
  /** The provider's answer: the portal's callback with `code` and `state`. */
  callbackUrl: string;
}

/** Walks the sign-in up to the provider's answer, without taking it. */
export async function signInUpToCallback(portalUrl: string, personCode: string, jar = new CookieJar()) {
  let response = await step(jar, `${portalUrl}auth/login`);
  let location = response.headers.get("location")!;
  // The provider's pages, until its sign-in form.
  while (!/\/interaction\/[\w-]+$/.test(new URL(location, portalUrl).pathname)) {
    response = await step(jar, new URL(location, portalUrl).href);
    location = response.headers.get("location")!;
  }
  const interaction = new URL(location, portalUrl).href;
  response = await step(jar, `${interaction}/login`, { personCode });
  location = response.headers.get("location")!;
  while (!location.includes("/portal/auth/callback")) {
    response = await step(jar, new URL(location, portalUrl).href);
    location = response.headers.get("location")!;
  }
  return { jar, callbackUrl: new URL(location, portalUrl).href } satisfies SignInSteps;
}

export interface PortalHttpSession {
  jar: CookieJar;
  cookie: string;
  csrfToken: string;
  /** POSTs GraphQL to the gateway as the portal's page would (same Origin, CSRF header). */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    body: {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }>;
}

/** Signs in through the embedded provider with plain HTTP, as the browser would. */
export async function signInByHttp(portalUrl: string, personCode: string): Promise<PortalHttpSession> {
  const { jar, callbackUrl } = await signInUpToCallback(portalUrl, personCode);
  const done = await step(jar, callbackUrl);
  if (done.status !== 303) throw new Error(`sign-in ended with HTTP ${done.status}`);
  const session = (await (await step(jar, `${portalUrl}auth/session`)).json()) as { csrfToken: string };
  const origin = new URL(portalUrl).origin;
  const cookie = `rnp-session=${jar.cookies.get("rnp-session")}`;
  return {
    jar,
    cookie,
    csrfToken: session.csrfToken,
    async graphql(query, variables = {}, headers = {}) {
      const response = await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie,
          origin,
          "x-csrf-token": session.csrfToken,
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
  };
}

/** The text of the portal's own document named `operationName`, as its page sends it. */
export function portalDocument(operationName: string): string {
  const documents = JSON.parse(readFileSync(persistedDocumentsFile, "utf8")) as Record<string, string>;
  const text = Object.values(documents).find((source) =>
    parse(source).definitions.some(
      (definition) => definition.kind === "OperationDefinition" && definition.name?.value === operationName,
    ),
  );
  if (!text) throw new Error(`the portal has no document ${operationName}`);
  return text;
}
