import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll on a narrow screen, reachable by keyboard (a focusable
 * region named after the table) so every column can be read at 320 px.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1).
    <section className="rnp-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
