import { Card, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

const SECTIONS = [
  ["catalog", "/catalog"],
  ["docs", "/docs"],
  ["myData", "/my-data"],
  ["organisations", "/organisations"],
  ["pdp", "/pdp"],
] as const;

export function Home() {
  const { t } = useTranslation();
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("home.title")}
      </Heading>
      <Paragraph>{t("home.intro")}</Paragraph>
      <ul className="rnp-stack rnp-plain-list">
        {SECTIONS.map(([key, path]) => (
          <li key={key}>
            <Card data-color="neutral">
              <Heading level={2} data-size="sm">
                <Link to={path}>{t(`nav.${key}`)}</Link>
              </Heading>
              <Paragraph>{t(`home.${key}`)}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
