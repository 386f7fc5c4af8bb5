import { commandLine } from "@rnp/common";
import { AnonymiseError, anonymiseRegister } from "./anonymise";
import { KeyFileError, readKeyFile } from "./keys";

const usage = `Usage: pnpm anonymise --from <DATABASE_URL> --to <DATABASE_URL> --key-file <file> [--as-of YYYY-MM-DD]

Writes an anonymised test register into the empty database --to, from the register in
--from (only read): personal codes and document numbers through FF1 (format kept, valid
check digits), Latvian names (gendered, one surname per family), birth dates moved within
their month, declared addresses moved to other addresses of the same municipality; every
relation, the change log and the distributions kept. Requesters, grants, audit and
monitoring sets are not copied. The same key file always gives the same test register.

Options:
  --from URL        the register to anonymise
  --to URL          an empty database (created beforehand; migrated here)
  --key-file FILE   the secret, 32 bytes or more (e.g. openssl rand -hex 32 > FILE);
                    keep it: without it nobody can link a test person to a real one,
                    with it the same output is made again
  --as-of DATE      the day no birth date may pass (default today); give the same one to
                    reproduce a run exactly (it matters only for births in its month)
  --help            show this text`;

const cli = commandLine({
  usage,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    "key-file": { type: "string" },
    "as-of": { type: "string" },
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
    onProgress: progress,
  });
  const seconds = summary.milliseconds / 1000;
  console.log(
    `Anonymised ${summary.persons.toLocaleString("en-US")} persons in ${seconds.toFixed(1)} s (${Math.round(summary.persons / seconds).toLocaleString("en-US")} persons/s).`,
  );
} catch (error) {
  if (error instanceof AnonymiseError || error instanceof KeyFileError) {
    console.error(`pnpm anonymise: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
