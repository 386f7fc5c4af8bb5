import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

/** The refusal's sentence and code, as the gateway said it. */
export function errorCodeOf(error: unknown): string | undefined {
  const errors = (error as { errors?: { extensions?: { code?: string } }[] } | undefined)?.errors;
  return errors?.[0]?.extensions?.code;
}

export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = errorCodeOf(error);
  const message = (error as { message?: string }).message ?? String(error);
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>
        {code ? t(`errors.${code}`, { defaultValue: t("errors.generic") }) : t("errors.generic")}
      </Paragraph>
      <Paragraph data-size="sm">
        <span lang="en">{message}</span>
        {code ? ` (${code})` : ""}
      </Paragraph>
    </Alert>
  );
}
