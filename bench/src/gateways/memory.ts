import { readFileSync } from "node:fs";

const MIB = 1024 * 1024;

/** Resident set size now (`VmRSS`) and its lifetime peak (`VmHWM`) of a process, in MiB. */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    // No /proc (not Linux) or the process is gone: no figure rather than a wrong one.
    return null;
  }
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  const rss = kib("VmRSS");
  const hwm = kib("VmHWM");
  if (!Number.isFinite(rss) || !Number.isFinite(hwm)) return null;
  return { rss: (rss * 1024) / MIB, hwm: (hwm * 1024) / MIB };
}

export interface MemorySampler {
  /** Highest VmRSS seen since the sampler started, in MiB (null when /proc is unreadable). */
  peak(): number | null;
  stop(): number | null;
}

/**
 * Samples a process's VmRSS every `everyMs` while a load runs. VmHWM alone cannot tell the
 * peak of one measurement from an earlier one's (it only grows), so the peak of a run is the
 * highest sample; a spike shorter than the interval can be missed, hence a short interval.
 */
export function sampleMemory(pid: number, everyMs = 50): MemorySampler {
  let peak: number | null = memoryOf(pid)?.rss ?? null;
  const timer = setInterval(() => {
    const now = memoryOf(pid)?.rss;
    if (now !== undefined && (peak === null || now > peak)) peak = now;
  }, everyMs);
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      const last = memoryOf(pid)?.rss;
      if (last !== undefined && (peak === null || last > peak)) peak = last;
      return peak;
    },
  };
}
