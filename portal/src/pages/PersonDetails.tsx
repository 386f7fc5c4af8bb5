import { Heading } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A person's register data as given: each group shown only when the answer holds it. */
export interface ShownPerson {
  personCode: string;
  givenName?: string | null;
  surname?: string | null;
  birthDate?: string | null;
  birthPlace?: string | null;
  sex?: string | null;
  citizenshipStatus?: string | null;
  citizenship?: string | null;
  formerPersonCodes?: readonly string[] | null;
  declaredAddress?: { address: { fullAddress: string } } | null;
  identityDocuments?: readonly { type: string; number: string; status: string; expiryDate: string }[] | null;
  civilStatus?: string | null;
  deceased?: boolean | null;
  deathDate?: string | null;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function PersonDetails({ person, relations }: { person: ShownPerson; relations?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-heading" className="rnp-stack">
      <Heading level={2} data-size="md" id="person-heading">
        {person.givenName ? `${person.givenName} ${person.surname}` : person.personCode}
      </Heading>
      <dl className="rnp-dl">
        <Row label={t("person.personCode")}>{person.personCode}</Row>
        {person.formerPersonCodes && person.formerPersonCodes.length > 0 ? (
          <Row label={t("person.formerCodes")}>{person.formerPersonCodes.join(", ")}</Row>
        ) : null}
        {person.birthDate ? (
          <Row label={t("person.birth")}>
            {person.birthDate}, {person.birthPlace}
          </Row>
        ) : null}
        {person.sex ? <Row label={t("person.sex")}>{t(`person.sexes.${person.sex}`)}</Row> : null}
        {person.citizenshipStatus ? (
          <Row label={t("person.citizenship")}>
            {t(`person.citizenshipStatuses.${person.citizenshipStatus}`)}
            {person.citizenship ? ` (${person.citizenship})` : ""}
          </Row>
        ) : null}
        {person.declaredAddress !== undefined ? (
          <Row label={t("person.address")}>
            {person.declaredAddress?.address.fullAddress ?? t("person.none")}
          </Row>
        ) : null}
        {person.identityDocuments ? (
          <Row label={t("person.documents")}>
            {person.identityDocuments.length === 0
              ? t("person.none")
              : person.identityDocuments.map((document) => (
                  <div key={document.number}>
                    {document.type} {document.number} ({document.status}, {document.expiryDate})
                  </div>
                ))}
          </Row>
        ) : null}
        {person.civilStatus ? (
          <Row label={t("person.civilStatus")}>{t(`person.civilStatuses.${person.civilStatus}`)}</Row>
        ) : null}
        {person.deceased != null ? (
          <Row label={t("person.death")}>{person.deceased ? person.deathDate : t("person.alive")}</Row>
        ) : null}
        {relations}
      </dl>
    </section>
  );
}
