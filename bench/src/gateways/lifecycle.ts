import type autocannon from "autocannon";
import { type PartProcess, startPartProcess } from "../../../tests/support/processes";
import { PARENT_WATCH, startHiveGateway } from "./hive";

/**
 * Every process the benchmark starts and the load running now, so that the end of a
 * section, an error or Ctrl+C stops all of them, newest first.
 */
export class Processes {
  private readonly parts: PartProcess[] = [];
  private load: autocannon.Instance | null = null;
  private stopping = false;

  /** A part (`node --import tsx <entry>`), waited for until it prints "ready at <url>". */
  async start(entry: string, env: Record<string, string>): Promise<PartProcess> {
    if (this.stopping) throw new Error("stopping");
    const part = await startPartProcess(entry, {
      ...env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PARENT_WATCH}`.trim(),
    });
    this.parts.push(part);
    if (this.stopping) await this.stop(part);
    return part;
  }

  /** Hive Gateway's CLI over the committed supergraph pointed at `urls`. */
  async startHive(urls: Record<string, string>): Promise<PartProcess> {
    if (this.stopping) throw new Error("stopping");
    const part = await startHiveGateway(urls);
    this.parts.push(part);
    if (this.stopping) await this.stop(part);
    return part;
  }

  /** Remembers the running load so that `stopAll` can end it at once. */
  tracking = (instance: autocannon.Instance) => {
    this.load = instance;
  };

  async stop(...parts: PartProcess[]): Promise<void> {
    for (const part of parts) {
      const index = this.parts.indexOf(part);
      if (index >= 0) this.parts.splice(index, 1);
      await part.stop().catch(() => {});
    }
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    (this.load as { stop?: () => void } | null)?.stop?.();
    await this.stop(...[...this.parts].reverse());
  }
}
