import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestPlatform, type TestPlatform } from "./support/platform";

// The WebSocket server reads no large message from a socket nobody has authenticated, keeps
// nothing of a socket it refused, and bounds subscription ids (docs/PROTOCOL.md, message sizes).

let platform: TestPlatform;
let wsUrl: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  wsUrl = platform.gatewayUrl.replace(/^http/, "ws");
});
afterAll(async () => {
  await platform?.stop();
});

const MiB = 1024 * 1024;

/** A full garbage collection, so that what is left is what something still holds. */
const collectGarbage = (() => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => gc();
})();

/**
 * Opens a WebSocket by hand on a TCP socket and starts one text frame announcing `length`
 * bytes, then writes its payload 1 MiB at a time (the same buffer, so the client holds
 * nothing) until the server closes or all is written. Resolves with the close code the server
 * sent (0 when none) and how many bytes were written.
 */
async function sendHugeFrame(length: number): Promise<{ closeCode: number; written: number }> {
  const url = new URL(platform.gatewayUrl);
  const socket: Socket = connect(Number(url.port), url.hostname);
  await once(socket, "connect");
  socket.write(
    `GET /graphql HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n` +
      "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n",
  );
  let received = Buffer.alloc(0);
  let closeCode = 0;
  let ended = false;
  const upgraded = new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headerEnd = received.indexOf("\r\n\r\n");
      if (headerEnd >= 0 && received.subarray(0, 12).toString() === "HTTP/1.1 101") {
        resolve();
        const frames = received.subarray(headerEnd + 4);
        // A server frame: no mask; a close frame is opcode 8 with the code in its first 2 bytes.
        if (frames.length >= 4 && (frames[0]! & 0x0f) === 8) closeCode = frames.readUInt16BE(2);
      }
    });
  });
  socket.on("close", () => {
    ended = true;
  });
  socket.on("error", () => {
    ended = true;
  });
  await upgraded;
  const header = Buffer.alloc(14);
  header[0] = 0x81; // FIN, text
  header[1] = 0x80 | 127; // masked, 64-bit length
  header.writeBigUInt64BE(BigInt(length), 2);
  randomBytes(4).copy(header, 10);
  socket.write(header);
  const chunk = Buffer.alloc(MiB, 0x61);
  let written = 0;
  while (written < length && !ended && closeCode === 0) {
    written += chunk.length;
    if (!socket.write(chunk)) {
      await Promise.race([once(socket, "drain"), once(socket, "close")]);
    }
  }
  socket.destroy();
  return { closeCode, written };
}

function openSocket(): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, "graphql-transport-ws");
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

const closeOf = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );

async function acknowledged(): Promise<WebSocket> {
  const socket = await openSocket();
  const headers = platform.headersOf(platform.requester);
  socket.send(JSON.stringify({ type: "connection_init", payload: headers }));
  const [data] = (await once(socket, "message")) as [Buffer];
  expect(JSON.parse(data.toString())).toEqual({ type: "connection_ack" });
  return socket;
}

describe("the WebSocket server's bounds", () => {
  it("refuses five unauthenticated 90 MiB frames from their header and keeps nothing of them", async () => {
    // Memory outside the heap (Buffers), where a received frame would be held.
    const sample = () => process.memoryUsage().arrayBuffers;
    collectGarbage();
    const before = sample();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, sample());
    }, 5);
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => sendHugeFrame(90 * MiB)));
      for (const result of results) {
        expect(result.closeCode).toBe(1009);
        // Closed long before the frame could be whole.
        expect(result.written).toBeLessThan(90 * MiB);
      }
    } finally {
      clearInterval(sampler);
    }
    // Read buffers not yet collected and the client's own chunks aside, not one frame was held
    // (each would be 90 MiB), and once collected nothing of the refused sockets remains.
    expect(peak - before).toBeLessThan(64 * MiB);
    // The gateway reads and drops what was still on its way; once done, nothing of them is left.
    await expect
      .poll(
        () => {
          collectGarbage();
          return sample() - before;
        },
        { timeout: 20_000 },
      )
      .toBeLessThan(4 * MiB);
  });

  it("closes a socket whose connection_init is larger than 16 KiB before reading it whole", async () => {
    const socket = await openSocket();
    const closed = closeOf(socket);
    socket.send(
      JSON.stringify({
        type: "connection_init",
        payload: { ...platform.headersOf(platform.requester), pad: "x".repeat(64 * 1024) },
      }),
    );
    expect((await closed).code).toBe(1009);
  });

  it("takes a 64 KiB subscribe once acknowledged, and refuses a message over 128 KiB", async () => {
    const socket = await acknowledged();
    // A long comment: within the operation limits (comments are no tokens), larger than the bound before ack.
    const query = `# ${"x".repeat(64 * 1024)}\nsubscription { setChanges(setId: "999999") { cursor } }`;
    socket.send(JSON.stringify({ type: "subscribe", id: "big-but-fine", payload: { query } }));
    const [data] = (await once(socket, "message")) as [Buffer];
    expect(JSON.parse(data.toString())).toMatchObject({ id: "big-but-fine" });
    const closed = closeOf(socket);
    socket.send(
      JSON.stringify({ type: "subscribe", id: "too-big", payload: { query: "x".repeat(200 * 1024) } }),
    );
    expect((await closed).code).toBe(1009);
  });

  it("closes with 4400 and a reason a subscribe whose id is longer than 128 characters, and never echoes it", async () => {
    const socket = await acknowledged();
    const messages: string[] = [];
    socket.on("message", (data: Buffer) => messages.push(data.toString()));
    const closed = closeOf(socket);
    const id = "i".repeat(129);
    socket.send(
      JSON.stringify({
        type: "subscribe",
        id,
        payload: { query: 'subscription { setChanges(setId: "1") { cursor } }' },
      }),
    );
    expect(await closed).toEqual({
      code: 4400,
      reason: "Subscription id longer than 128 characters: use a short unique id, e.g. a UUID",
    });
    expect(messages.join("")).not.toContain(id);
  });

  it("closes a socket sending a 1 MB subscription id with 1009, before connection_init too", async () => {
    const socket = await openSocket();
    const closed = closeOf(socket);
    socket.send(
      JSON.stringify({ type: "subscribe", id: "i".repeat(1_000_000), payload: { query: "{ x }" } }),
    );
    expect((await closed).code).toBe(1009);
  });
});
