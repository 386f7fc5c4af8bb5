import { describe, expect, it } from "vitest";
import { unlistenQuietly } from "./index";

/** A listener whose `unlisten()` fails as postgres.js does on a connection the server closed. */
const failingWith = (code: string) => ({
  unlisten: () => Promise.reject(Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code })),
});

describe("unlistenQuietly", () => {
  it("takes a connection already closed by the server for a stopped LISTEN", async () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]) {
      await expect(unlistenQuietly(failingWith(code))).resolves.toBeUndefined();
    }
  });

  it("still throws any other error", async () => {
    await expect(unlistenQuietly(failingWith("42501"))).rejects.toThrow("write 42501");
  });
});
