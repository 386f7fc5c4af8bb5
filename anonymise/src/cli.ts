import { commandLine } from "@rnp/common";
import { AnonymiseError, anonymiseRegister } from "./anonymise";
import { KeyFileError, readKeyFile } from "./keys";

const usage = `Usage: pnpm anonymise --from <DATABASE_URL> --to <DATABASE_URL> --key-file <file> [--as-of YYYY-MM-DD] [--k N]

Writes an anonymised test register into the empty database --to, from the register in
--from (only read). No kept combination of quasi-identifiers (sex, birth and death year,
birth place, citizenship, nationality, code kind; a document's series, status, year,
validity, issuer; a marriage's year and place; a change's kind and month) singles out
fewer than k rows: each person, document, marriage and change takes these from another
row of its Mondrian box of k or more, and days are drawn anew. Personal codes are issued
anew (valid, old ones encoding the new birth date), document numbers go through FF1, names
are Latvian (gendered, one surname per family), addresses move to another of their kind,
row ids are renumbered in a keyed order. k is measured on the written register before it
commits; below the target nothing is written. Relations, households and distributions are
kept. Requesters, grants, audit and monitoring sets are not copied. The same key file
always gives the same test register.

Options:
  --from URL        the register to anonymise
  --to URL          an empty database (created beforehand; migrated here)
  --key-file FILE   the secret, 32 bytes or more (e.g. openssl rand -hex 32 > FILE);
                    keep it: without it nobody can link a test person to a real one,
                    with it the same output is made again
  --as-of DATE      the day no date may pass (default today); give the same one to
                    reproduce a run exactly
  --k N             the smallest class of rows the kept values may leave (default 5, at
                    least 2); a register too small for it is refused with the group short
  --help            show this text`;

const cli = commandLine({
  usage,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    "key-file": { type: "string" },
    "as-of": { type: "string" },
    k: { type: "string" },
  },
});
const { values } = cli;
if (!values.from) cli.fail("--from is required: the URL of the register to anonymise.");
if (!values.to) cli.fail("--to is required: the URL of an empty database to write the test register into.");
if (!values["key-file"])
  cli.fail("--key-file is required: a file holding the secret key (32 bytes or more).");
const asOf = values["as-of"];
if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
  cli.fail(`--as-of must be a date YYYY-MM-DD; got "${asOf}".`);
}

const k = cli.wholeNumber("k", values.k, 5, { min: 2 });

const interactive = process.stderr.isTTY;
let lastPrinted = 0;
function progress(table: string, done: number, total: number) {
  const now = Date.now();
  if (done < total && now - lastPrinted < (interactive ? 200 : 5000)) return;
  lastPrinted = now;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const line = `${table}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} rows (${percent}%)`;
  if (interactive) process.stderr.write(`\r\x1b[K${line}${done >= total ? "\n" : ""}`);
  else if (done >= total || percent % 10 === 0) process.stderr.write(`${line}\n`);
}

try {
  const keys = readKeyFile(values["key-file"] as string);
  const summary = await anonymiseRegister({
    from: values.from as string,
    to: values.to as string,
    keys,
    ...(asOf ? { asOf } : {}),
    k,
    onProgress: progress,
    onStep: (step) => process.stderr.write(`${step}…\n`),
  });
  const seconds = summary.milliseconds / 1000;
  console.log(
    `Anonymised ${summary.persons.toLocaleString("en-US")} persons in ${seconds.toFixed(1)} s (${Math.round(summary.persons / seconds).toLocaleString("en-US")} persons/s).`,
  );
  console.log(`k measured on the written register (target ${summary.k.target}; smallest class, classes):`);
  for (const [table, measure] of Object.entries(summary.k.measured)) {
    const k = measure.k === null ? "no rows" : `k = ${measure.k}`;
    console.log(
      `  ${table.padEnd(13)} ${k.padEnd(10)} ${measure.classes.toLocaleString("en-US")} classes of ${measure.rows.toLocaleString("en-US")} rows`,
    );
  }
  const g = summary.generalisation;
  const share = (n: number) => `${((100 * n) / Math.max(1, summary.persons)).toFixed(0)} %`;
  console.log(
    `Birth year kept exactly for ${share(g.birthYearExact)} of persons, within 5 years for ${share(g.birthYearWithinFive)}; parent–child links closer than 16 years: ${g.generationsTooClose}; twin groups outside their boxes: ${g.twinGroupsOutsideBox}.`,
  );
  if (!g.changeLogCopied) console.log("The change log had fewer rows than k and was not copied.");
} catch (error) {
  if (error instanceof AnonymiseError || error instanceof KeyFileError) {
    console.error(`pnpm anonymise: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
