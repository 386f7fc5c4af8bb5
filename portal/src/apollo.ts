import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { from, mergeMap } from "rxjs";
import { csrfToken, sessionKnown } from "./session";

/**
 * The portal is a client of the same `/graphql` as any other: the session cookie goes with
 * each request (same origin), and the CSRF token in a header the gateway checks.
 * An operation names its grant and the case reference through its context's `headers`.
 */
export const client = new ApolloClient({
  link: ApolloLink.from([
    // A page that loads before the session is read waits for it: a signed-in person's
    // request without the CSRF token would be refused.
    new ApolloLink((operation, forward) =>
      from(sessionKnown()).pipe(
        mergeMap(() => {
          operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
            headers: { ...headers, "x-csrf-token": csrfToken() ?? "" },
          }));
          return forward(operation);
        }),
      ),
    ),
    new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
  ]),
  cache: new InMemoryCache(),
  defaultOptions: {
    // Person data is never kept in the page's cache beyond the page that asked for it.
    query: { fetchPolicy: "network-only" },
    watchQuery: { fetchPolicy: "network-only" },
  },
});
