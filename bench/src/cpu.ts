import { readFileSync } from "node:fs";

/**
 * CPU time (user + system, milliseconds) a process has used so far, from Linux's
 * `/proc/<pid>/stat`; null elsewhere or when the process is gone. Throughput on a shared
 * machine moves with whatever else runs, but the CPU a part spends per request barely
 * does, so the benchmark prints both.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after its ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
