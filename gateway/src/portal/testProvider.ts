import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkPersonCode, formatPersonCode } from "@rnp/common";
import { exportJWK, generateKeyPair } from "jose";
import type Provider from "oidc-provider";
import type postgres from "postgres";

/** The client id the portal is registered with at the embedded provider. */
export const TEST_CLIENT_ID = "rnp-portal";

export interface TestProviderOptions {
  /** The issuer, e.g. `http://localhost:4000/oidc`; its path is where the provider is mounted. */
  issuer: string;
  /** Where the portal takes the answer: `…/portal/auth/callback`. */
  redirectUris: string[];
  /** The platform database: the test persons to sign in as are the register's persons. */
  sql: postgres.Sql;
}

export interface TestProvider {
  clientSecret: string;
  /** Serves every request under the issuer's path (the login page included). */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

interface TestPerson {
  person_code: string;
  given_name: string;
  surname: string;
  birth_date: string;
  roles: string | null;
}

/**
 * Persons to offer on the sign-in page: those matching the search (name or personal code),
 * else the people who hold portal roles, then the register's first persons.
 */
async function findTestPersons(sql: postgres.Sql, search: string): Promise<TestPerson[]> {
  const roles = sql`(select string_agg(distinct r, ', ') from (
      select unnest(m.roles::text[]) as r from access.memberships m
        where m.person_code = p.person_code and m.status = 'ACTIVE'
      union select pr.role::text from access.platform_roles pr where pr.person_code = p.person_code) x)`;
  const term = search.trim().slice(0, 60);
  if (term) {
    const digits = term.replace("-", "");
    return sql<TestPerson[]>`
      select p.person_code, p.given_name, p.surname, p.birth_date::text, ${roles} as roles
      from person.persons p
      where p.death_date is null and (p.person_code like ${`${digits}%`}
        or (p.given_name || ' ' || p.surname) ilike ${`%${term}%`})
      order by p.surname, p.given_name limit 20`;
  }
  return sql<TestPerson[]>`
    select * from (
      select p.person_code, p.given_name, p.surname, p.birth_date::text, ${roles} as roles
      from person.persons p
      where p.death_date is null and (
        p.person_code in (select person_code from access.memberships where status = 'ACTIVE')
        or p.person_code in (select person_code from access.platform_roles)
        or p.person_code in (select person_code from person.persons where death_date is null order by person_code limit 8))
    ) t order by (roles is null), person_code limit 30`;
}

function page(title: string, body: string, nonce: string): string {
  return `<!doctype html>
<html lang="lv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body{font-family:system-ui,sans-serif;margin:0;color:#1e1e1e}
header{background:#2b3a4a;color:#fff;padding:.75rem 1rem}
main{max-width:44rem;margin:0 auto;padding:1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{font-size:1rem;padding:.5rem;border:2px solid #444;border-radius:4px;max-width:100%;box-sizing:border-box}
button{font-size:1rem;padding:.5rem .9rem;border:0;border-radius:4px;background:#1f5e99;color:#fff;cursor:pointer}
button:focus,input:focus{outline:3px solid #f5a623;outline-offset:2px}
ul{list-style:none;padding:0}li{border-bottom:1px solid #ccc;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:center}
.note{background:#fff4d6;border-left:4px solid #b07a00;padding:.5rem .75rem}
.roles{color:#3d3d3d;font-size:.9rem}
</style></head><body>
<header><p><strong>Testa eID</strong> · <span lang="en">Test eID</span></p></header>
<main>${body}</main></body></html>`;
}

function send(response: ServerResponse, status: number, html: string, nonce: string) {
  response.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  });
  response.end(html);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

/**
 * A real OpenID provider (`oidc-provider`) standing in for the national eID on TEST platforms
 * and in development: authorisation code with PKCE (required, S256), one confidential client
 * (the portal), and a sign-in page where one chooses any person of the register. Its state
 * (interactions, codes) is in memory: one gateway process serves it. Never built on PRODUCTION.
 */
export async function createTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const clientSecret = randomBytes(24).toString("base64url");
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), use: "sig", alg: "RS256", kid: "test-eid" };
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const names = async (code: string) => {
    const [row] = await options.sql<{ name: string }[]>`
      select given_name || ' ' || surname as name from person.persons where person_code = ${code}`;
    return row?.name ?? null;
  };
  // Loaded only where it runs (TEST and development): production never imports it.
  const { default: OidcProvider } = await import("oidc-provider");
  const provider: Provider = new OidcProvider(options.issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], profile: ["name"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: 60,
      IdToken: 300,
      AccessToken: 300,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    // The portal is the platform's own client: no consent screen, the person signs in and returns.
    loadExistingGrant: async (ctx) => {
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope("openid profile");
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => {
        const name = await names(sub);
        return { sub, ...(name ? { name } : {}) };
      },
    }),
    renderError: async (ctx, out) => {
      ctx.type = "html";
      const nonce = randomBytes(12).toString("base64url");
      ctx.set(
        "content-security-policy",
        `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'`,
      );
      ctx.body = page(
        "Kļūda / Error",
        `<h1>Pierakstīšanās neizdevās <span lang="en">(sign-in failed)</span></h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`,
        nonce,
      );
    },
  });
  const callback = provider.callback();

  async function interaction(
    request: IncomingMessage,
    response: ServerResponse,
    uid: string,
    action: string,
  ) {
    const nonce = randomBytes(12).toString("base64url");
    let details: Awaited<ReturnType<typeof provider.interactionDetails>>;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      send(
        response,
        400,
        page(
          "Beidzies / Expired",
          '<h1>Pierakstīšanās laiks beidzies</h1><p lang="en">The sign-in has expired: start again from the portal.</p>',
          nonce,
        ),
        nonce,
      );
      return;
    }
    if (details.uid !== uid) {
      send(response, 400, page("Kļūda / Error", "<h1>Nezināma pierakstīšanās</h1>", nonce), nonce);
      return;
    }
    if (action === "login" && request.method === "POST") {
      const form = await readForm(request);
      const check = checkPersonCode(form.get("personCode") ?? "");
      if (!check.valid) {
        const html = await loginPage(uid, "", `Personas kods nav derīgs: ${check.reason}`, nonce);
        send(response, 400, html, nonce);
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: check.code } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const search = new URL(request.url ?? "/", "http://x").searchParams.get("q") ?? "";
    send(response, 200, await loginPage(uid, search, null, nonce), nonce);
  }

  async function loginPage(uid: string, search: string, error: string | null, nonce: string) {
    const persons = await findTestPersons(options.sql, search);
    const action = `${mountPath}/interaction/${uid}/login`;
    const items = persons
      .map((person) => {
        const code = formatPersonCode(person.person_code);
        const name = `${person.given_name} ${person.surname}`;
        return `<li><span><strong>${escapeHtml(name)}</strong> · ${code} · ${person.birth_date}${
          person.roles ? ` <span class="roles">(${escapeHtml(person.roles)})</span>` : ""
        }</span><form method="post" action="${action}"><input type="hidden" name="personCode" value="${code}"><button type="submit" aria-label="Pierakstīties kā ${escapeHtml(name)}">Pierakstīties</button></form></li>`;
      })
      .join("");
    return page(
      "Pierakstīšanās testa vidē",
      `<h1>Pierakstīšanās testa vidē</h1>
<p class="note">Šī ir platformas testa pierakstīšanās, kas aizstāj valsts eID testa vidē un izstrādē: izvēlieties jebkuru reģistra testa personu. <span lang="en">A test sign-in standing in for the national eID: choose any test person of the register.</span></p>
${error ? `<p role="alert" id="error">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${action}">
<label for="personCode">Personas kods</label>
<input id="personCode" name="personCode" inputmode="numeric" autocomplete="off" ${error ? 'aria-describedby="error" aria-invalid="true"' : ""}>
<button type="submit">Pierakstīties ar kodu</button>
</form>
<form method="get" action="${mountPath}/interaction/${uid}" role="search">
<label for="q">Meklēt testa personu (vārds vai koda sākums)</label>
<input id="q" name="q" value="${escapeHtml(search)}">
<button type="submit">Meklēt</button>
</form>
<h2>Testa personas</h2>
<ul>${items || "<li>Neviena persona neatbilst meklējumam.</li>"}</ul>`,
      nonce,
    );
  }

  return {
    clientSecret,
    async handle(request, response) {
      const url = new URL(request.url ?? "/", "http://x");
      const match = new RegExp(`^${mountPath}/interaction/([\\w-]+)(?:/(login))?$`).exec(url.pathname);
      if (match) {
        await interaction(request, response, match[1]!, match[2] ?? "");
        return;
      }
      // As a framework mounting it would: the provider sees its own paths and knows its mount.
      const original = request.url ?? "/";
      (request as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      request.url = original.slice(mountPath.length) || "/";
      await callback(request, response);
    },
  };
}
