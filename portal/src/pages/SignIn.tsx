import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useSession } from "../session";

export function SignIn() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const returnTo = `/portal${location.pathname === "/sign-in" ? "/" : location.pathname}`;
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("signIn.title")}
      </Heading>
      <Paragraph>{t("signIn.intro")}</Paragraph>
      {session && !session.signInAvailable ? (
        <Alert data-color="warning">{t("signIn.unavailable")}</Alert>
      ) : (
        <a
          className="ds-button"
          data-variant="primary"
          href={`/portal/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
        >
          {t("signIn.button")}
        </a>
      )}
    </div>
  );
}
