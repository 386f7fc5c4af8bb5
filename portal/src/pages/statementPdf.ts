import fontkit from "@pdf-lib/fontkit";
import fontUrl from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url";
import type { TFunction } from "i18next";
import { PDFDocument, type PDFFont, rgb } from "pdf-lib";
import type { StatementRow } from "./statement";

/** Lines of `text` at most `width` points wide in `font` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The statement of disclosures as a PDF (pdf-lib), in a font with the Latvian letters
 * (DejaVu Sans, embedded), loaded only when a statement is asked for.
 */
export async function statementPdf(
  rows: StatementRow[],
  withheld: number,
  t: TFunction,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await (await fetch(fontUrl)).arrayBuffer(), { subset: true });
  pdf.setTitle(t("disclosures.title"));
  let pageRef = pdf.addPage([595, 842]);
  let y = 800;
  const write = (text: string, size = 10) => {
    for (const line of wrap(text, font, size, 515)) {
      if (y < 50) {
        pageRef = pdf.addPage([595, 842]);
        y = 800;
      }
      pageRef.drawText(line, { x: 40, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 4;
    }
  };
  write(t("disclosures.title"), 16);
  write(t("disclosures.statementMade", { date: new Date().toISOString().slice(0, 10) }));
  write(t("disclosures.count", { count: rows.length }));
  if (withheld > 0) write(t("disclosures.withheld", { count: withheld }));
  y -= 8;
  for (const row of rows) {
    write(`${row.at} · ${row.organisationName} · ${row.channel}`, 11);
    write(`${t("disclosures.groups")}: ${row.dataGroups.join(", ")}`);
    write(`${t("disclosures.legalBasis")}: ${row.legalBasis}`);
    write(`${t("disclosures.purpose")}: ${row.purpose}`);
    y -= 6;
  }
  return pdf.save();
}
