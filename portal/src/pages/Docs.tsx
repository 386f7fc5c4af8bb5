import pages from "virtual:knowledge-base";
import { Heading, Paragraph, Search } from "@digdir/designsystemet-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

/** The knowledge base: the repository's `docs/`, one page each, searchable by their words. */
export default function Docs() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const [term, setTerm] = useState("");
  const found = useMemo(() => {
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return pages;
    return pages.filter((page) =>
      words.every((word) => `${page.title} ${page.text}`.toLowerCase().includes(word)),
    );
  }, [term]);
  const page = slug ? pages.find((candidate) => candidate.slug === slug) : undefined;
  if (slug) {
    if (!page) {
      return (
        <Heading level={1} data-size="lg">
          {t("docs.notFound")}
        </Heading>
      );
    }
    return (
      <div className="rnp-stack">
        <Paragraph>
          <Link to="/docs">{t("docs.back")}</Link>
        </Paragraph>
        <Paragraph data-size="sm">{t("docs.inEnglish")}</Paragraph>
        {/* Our own documentation, rendered at build time from the repository's Markdown. */}
        <article className="rnp-doc" lang="en" dangerouslySetInnerHTML={{ __html: page.html }} />
      </div>
    );
  }
  return (
    <div className="rnp-stack">
      <Heading level={1} data-size="lg">
        {t("docs.title")}
      </Heading>
      <Paragraph>{t("docs.intro")}</Paragraph>
      <search>
        <label htmlFor="docs-search" className="ds-label">
          {t("docs.search")}
        </label>
        <Search>
          <Search.Input
            id="docs-search"
            aria-label={t("docs.search")}
            value={term}
            onChange={(event) => setTerm(event.target.value)}
          />
          <Search.Clear aria-label={t("docs.clear")} onClick={() => setTerm("")} />
        </Search>
      </search>
      <p aria-live="polite">{t("docs.found", { count: found.length })}</p>
      <ul>
        {found.map((candidate) => (
          <li key={candidate.slug}>
            <Link to={`/docs/${candidate.slug}`} lang="en">
              {candidate.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
