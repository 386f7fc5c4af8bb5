import type postgres from "postgres";
import { readCopy } from "./copyRead";
import {
  dayBetween,
  dayFromIso,
  firstDayOfMonthIndex,
  isoOfDay,
  lastDayOfMonthIndex,
  monthOfDay,
} from "./days";
import { Dictionary } from "./dictionary";
import { keyedUnits } from "./keys";
import type { PersonPlan } from "./personPlan";
import { indexOfId, RowBoxes } from "./rowBoxes";

/**
 * The change log: each row's kind with its data groups, and its month, inside a Mondrian
 * box (one stratum: a rare kind is grouped with its neighbours rather than kept, and takes
 * another row's kind); the time is drawn anew inside the donor's month, not after the
 * as-of day, and the rows are numbered 1 … n again in the order of the new times, so `seq`
 * keeps meaning commit order and tells nothing of the source's numbers. A log of fewer than
 * k rows is not copied at all (nothing could hide one of them).
 */
const KIND = 0;
const MONTH = 1;

export interface ChangeFacts {
  /** COPY text of `kind` and `data_groups`, joined by a tab. */
  kindAndGroups: string;
  changedAt: string;
}

export class ChangeLogPlan {
  readonly boxes: RowBoxes;
  private seqs = new Float64Array(0);
  private newSeq = new Float64Array(0);
  private newTime = new Float64Array(0);
  /** False when the log had rows but fewer than k: it is left out. */
  copied = true;
  rows = 0;

  private constructor(capacity: number) {
    this.boxes = new RowBoxes(
      "change log",
      [
        { name: "kind", weight: 4, dictionary: new Dictionary() },
        { name: "month", weight: 1 },
      ],
      capacity,
    );
  }

  static readonly select =
    "select seq, person_code, data_groups, kind, changed_at from person.change_log order by seq";

  static async read(
    sql: postgres.TransactionSql,
    persons: PersonPlan,
    hmac: Buffer,
    asOf: string,
    k: number,
  ): Promise<ChangeLogPlan> {
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from person.change_log`;
    const n = counted?.n ?? 0;
    const plan = new ChangeLogPlan(n);
    plan.rows = n;
    if (n === 0) return plan;
    if (n < k) {
      plan.copied = false;
      return plan;
    }
    const seqs = new Float64Array(n);
    const owners = new Int32Array(n);
    let row = 0;
    await readCopy(sql, ChangeLogPlan.select, (f) => {
      owners[row] = persons.indexOf(f[1] ?? "");
      seqs[row++] = Number(f[0]);
      plan.boxes.add("", ChangeLogPlan.values({ kindAndGroups: `${f[3]}\t${f[2]}`, changedAt: f[4] ?? "" }));
    });
    plan.seqs = seqs;
    plan.boxes.seal(k, hmac, "changes", () => "change log");
    plan.draw(hmac, dayFromIso(asOf), owners);
    return plan;
  }

  static values(facts: ChangeFacts): (string | number)[] {
    return [facts.kindAndGroups, monthOfDay(dayFromIso(facts.changedAt))];
  }

  private draw(hmac: Buffer, asOfDay: number, owners: Int32Array): void {
    const n = this.seqs.length;
    this.newTime = new Float64Array(n);
    const ties = new Float64Array(n);
    for (let row = 0; row < n; row++) {
      const unit = keyedUnits(hmac, `change\u0000${this.seqs[row]}`);
      const month = this.boxes.donated(MONTH, row) as number;
      const first = firstDayOfMonthIndex(month);
      const day = dayBetween(first, Math.max(first, Math.min(lastDayOfMonthIndex(month), asOfDay)), unit());
      this.newTime[row] = day * 86_400 + Math.floor(unit() * 86_400);
      ties[row] = unit();
    }
    const order = Int32Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        (this.newTime[a] as number) - (this.newTime[b] as number) ||
        (ties[a] as number) - (ties[b] as number),
    );
    this.newSeq = new Float64Array(n);
    order.forEach((row, rank) => {
      this.newSeq[row] = rank + 1;
    });
    // Joining on seq must not pair a row with the same person's source row: where it would,
    // trade numbers and times with a neighbour of the same month (order and boxes kept).
    const clash = (row: number) => {
      const at = indexOfId(this.seqs, this.newSeq[row] as number);
      return at === row || (at >= 0 && (owners[at] as number) >= 0 && owners[at] === owners[row]);
    };
    const trade = (a: number, b: number) => {
      for (const array of [this.newSeq, this.newTime]) {
        const value = array[a] as number;
        array[a] = array[b] as number;
        array[b] = value;
      }
    };
    for (let rank = 0; rank < n; rank++) {
      const row = order[rank] as number;
      for (let step = 1; step <= 16 && clash(row); step++) {
        const other = order[rank + (step % 2 === 1 ? (step + 1) / 2 : -step / 2)];
        if (other === undefined || this.boxes.donated(MONTH, other) !== this.boxes.donated(MONTH, row))
          continue;
        trade(row, other);
        if (clash(row) || clash(other)) trade(row, other);
      }
    }
  }

  /** The new seq, kind and groups (COPY text) and time of the row with source `seq`. */
  rewrite(seq: string): { seq: number; kind: string; dataGroups: string; changedAt: string } {
    const row = indexOf(this.seqs, Number(seq));
    const [kind = "", dataGroups = "{}"] = (this.boxes.donated(KIND, row) as string).split("\t");
    const time = this.newTime[row] as number;
    const day = Math.floor(time / 86_400);
    const seconds = time - day * 86_400;
    const clock = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
      .map((part) => String(part).padStart(2, "0"))
      .join(":");
    return { seq: this.newSeq[row] as number, kind, dataGroups, changedAt: `${isoOfDay(day)} ${clock}+00` };
  }

  classify(facts: ChangeFacts): number {
    return this.boxes.classify("", ChangeLogPlan.values(facts));
  }
}

function indexOf(sorted: Float64Array, seq: number): number {
  const row = indexOfId(sorted, seq);
  if (row < 0) throw new Error(`change ${seq} was not read before the copy`);
  return row;
}
