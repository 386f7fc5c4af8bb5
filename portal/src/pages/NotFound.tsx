import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1} data-size="lg">
        {t("notFound.title")}
      </Heading>
      <Paragraph>
        <Link to="/">{t("notFound.home")}</Link>
      </Paragraph>
    </>
  );
}
