import { Link as DsLink, SkipLink } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useLocation } from "react-router";
import { setLanguage } from "./i18n";
import { lazyPage } from "./lazyPage";
import { Home } from "./pages/Home";
import { NotFound } from "./pages/NotFound";
import { SignIn } from "./pages/SignIn";
import { signOut, useSession } from "./session";

// Pages past the first load only when visited: the first page's JavaScript stays small.
const Catalog = lazyPage(() => import("./pages/Catalog"));
const Docs = lazyPage(() => import("./pages/Docs"));
const MyData = lazyPage(() => import("./pages/MyData"));
const MyDisclosures = lazyPage(() => import("./pages/MyDisclosures"));
const Organisations = lazyPage(() => import("./pages/Organisations"));
const Organisation = lazyPage(() => import("./pages/Organisation"));
const AddMember = lazyPage(() => import("./pages/AddMember"));
const Pdp = lazyPage(() => import("./pages/Pdp"));
const PdpPerson = lazyPage(() => import("./pages/PdpPerson"));
const Admin = lazyPage(() => import("./pages/Admin"));

/** The page a path opens, fetched at once on arrival, beside the session's read. */
const PRELOADS: [RegExp, { preload: () => unknown }][] = [
  [/^\/portal\/catalog/, Catalog],
  [/^\/portal\/docs/, Docs],
  [/^\/portal\/my-data\/disclosures/, MyDisclosures],
  [/^\/portal\/my-data/, MyData],
  [/^\/portal\/organisations\/[^/]+\/add/, AddMember],
  [/^\/portal\/organisations\/./, Organisation],
  [/^\/portal\/organisations/, Organisations],
  [/^\/portal\/pdp\/person/, PdpPerson],
  [/^\/portal\/pdp/, Pdp],
  [/^\/portal\/admin/, Admin],
];
PRELOADS.find(([pattern]) => pattern.test(window.location.pathname))?.[1].preload();

function Header() {
  const { t, i18n } = useTranslation();
  const { session, refresh } = useSession();
  const other = i18n.language === "lv" ? "en" : "lv";
  return (
    <header className="rnp-header">
      <div className="rnp-header__top">
        <Link className="rnp-header__title" to="/">
          {t("app.title")}
        </Link>
        <div className="rnp-row">
          <button
            type="button"
            className="rnp-lang"
            lang={other}
            onClick={() => setLanguage(other)}
            aria-label={t("app.switchLanguage")}
          >
            {other === "en" ? "English" : "Latviešu"}
          </button>
          {session?.signedIn ? (
            <button
              type="button"
              className="rnp-lang"
              onClick={async () => {
                await signOut(false);
                await refresh();
                window.location.assign("/portal/");
              }}
            >
              {t("app.signOut")}
            </button>
          ) : null}
        </div>
      </div>
      <nav aria-label={t("app.mainNavigation")}>
        <ul>
          <li>
            <Link to="/catalog">{t("nav.catalog")}</Link>
          </li>
          <li>
            <Link to="/docs">{t("nav.docs")}</Link>
          </li>
          <li>
            <Link to="/my-data">{t("nav.myData")}</Link>
          </li>
          <li>
            <Link to="/organisations">{t("nav.organisations")}</Link>
          </li>
          <li>
            <Link to="/pdp">{t("nav.pdp")}</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}

/** Moves focus to the new page's heading, so screen readers announce the page change. */
function FocusOnNavigate() {
  const location = useLocation();
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [location.pathname]);
  return null;
}

/** Pages that need a signed-in person show the sign-in page instead until then. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { t } = useTranslation();
  if (!session) return <p>{t("app.loading")}</p>;
  if (!session.signedIn) return <SignIn />;
  return <>{children}</>;
}

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <Header />
      <FocusOnNavigate />
      <main id="main" className="rnp-main">
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/catalog" element={<Catalog />} />
          <Route path="/docs" element={<Docs />} />
          <Route path="/docs/:slug" element={<Docs />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route
            path="/my-data"
            element={
              <RequireSession>
                <MyData />
              </RequireSession>
            }
          />
          <Route
            path="/my-data/disclosures"
            element={
              <RequireSession>
                <MyDisclosures />
              </RequireSession>
            }
          />
          <Route
            path="/organisations"
            element={
              <RequireSession>
                <Organisations />
              </RequireSession>
            }
          />
          <Route
            path="/organisations/:id"
            element={
              <RequireSession>
                <Organisation />
              </RequireSession>
            }
          />
          <Route
            path="/organisations/:id/add"
            element={
              <RequireSession>
                <AddMember />
              </RequireSession>
            }
          />
          <Route
            path="/pdp"
            element={
              <RequireSession>
                <Pdp />
              </RequireSession>
            }
          />
          <Route
            path="/pdp/person/:code"
            element={
              <RequireSession>
                <PdpPerson />
              </RequireSession>
            }
          />
          <Route
            path="/admin"
            element={
              <RequireSession>
                <Admin />
              </RequireSession>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <footer className="rnp-footer">
        <DsLink asChild>
          <Link to="/docs/portal">{t("app.aboutPortal")}</Link>
        </DsLink>
      </footer>
    </>
  );
}
