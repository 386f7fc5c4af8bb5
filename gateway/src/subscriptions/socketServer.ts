import type { IncomingMessage } from "node:http";
import { type Logger, partLogger } from "@rnp/common";
import { closeCodeOf } from "@rnp/policy/errors";
import { handleProtocols, makeServer, type ServerOptions } from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";

/**
 * How much a socket may send, and when (docs/PROTOCOL.md, "Message sizes"). Until the server
 * acknowledges `connection_init`, a socket is nobody's: its frames may hold only a small
 * `connection_init`, so an unauthenticated client cannot make the gateway hold a large message.
 */
export interface SocketBounds {
  /** Largest message before `connection_ack` (default 16 KiB: a key, a grant, a token). */
  maxMessageBytesBeforeAck: number;
  /** Largest message after it (default 128 KiB: a subscribe within the operation limits). */
  maxMessageBytes: number;
  /** Longest subscription id (default 128 characters; a UUID has 36). */
  maxIdLength: number;
}

export const DEFAULT_SOCKET_BOUNDS: SocketBounds = {
  maxMessageBytesBeforeAck: 16 * 1024,
  maxMessageBytes: 128 * 1024,
  maxIdLength: 128,
};

/** `ws` closes with this code when a frame's announced length passes the bound, before reading it. */
export const MESSAGE_TOO_BIG_CLOSE_CODE = closeCodeOf("MESSAGE_TOO_BIG");

/**
 * Options for the `ws` server: its `maxPayload` is the bound after `connection_ack`, checked
 * against each frame's (and fragmented message's) announced length before its payload is
 * read, so a 90 MiB frame costs nothing but the close. No compression: a compressed frame
 * could inflate past the bound before it is counted.
 */
export const socketServerOptions = (bounds: SocketBounds = DEFAULT_SOCKET_BOUNDS) => ({
  maxPayload: bounds.maxMessageBytes,
  perMessageDeflate: false,
});

/**
 * The bound `ws` checks frames against, per socket. `maxPayload` is one number per server;
 * the receiver reads it at every frame, so lowering it until `connection_ack` holds an
 * unauthenticated socket to `maxMessageBytesBeforeAck` before anything is buffered. Should
 * `ws` move it, the message check below still refuses such messages (after reading them).
 */
function setFrameBound(socket: WebSocket, bytes: number) {
  const receiver = (socket as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
  if (receiver && typeof receiver._maxPayload === "number") receiver._maxPayload = bytes;
}

/** The close for a message that breaks a bound, or null; `text` is already within `ws`'s frame bound. */
function refusalOf(
  text: string,
  acknowledged: boolean,
  bounds: SocketBounds,
): { code: number; reason: string } | null {
  const limit = acknowledged ? bounds.maxMessageBytes : bounds.maxMessageBytesBeforeAck;
  if (Buffer.byteLength(text) > limit) {
    return {
      code: MESSAGE_TOO_BIG_CLOSE_CODE,
      reason: acknowledged
        ? `Message larger than ${limit} bytes`
        : `Message before connection_ack larger than ${limit} bytes`,
    };
  }
  // Only a subscribe names a new id; other messages' ids must match one, or graphql-ws ignores them.
  if (!text.includes('"subscribe"')) return null;
  let id: unknown;
  try {
    id = (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return null; // graphql-ws answers an unreadable message with 4400
  }
  if (typeof id === "string" && id.length > bounds.maxIdLength) {
    return {
      code: closeCodeOf("BAD_REQUEST"),
      reason: `Subscription id longer than ${bounds.maxIdLength} characters: use a short unique id, e.g. a UUID`,
    };
  }
  return null;
}

/**
 * graphql-ws on a `ws` server, as its `useServer` does, with the message bounds above checked
 * before graphql-ws reads a message, and failures logged through the part's redacting logger.
 * A socket refused for a bound is closed with the code and a reason (docs/PROTOCOL.md); `ws`
 * drops what it still receives, and a socket that does not finish the close is ended after
 * `ws`'s close timeout. Returns `dispose()`, which closes every socket with 1001.
 */
export function serveGraphQLWs<P extends Record<string, unknown>>(
  options: ServerOptions<P, { socket: WebSocket; request: IncomingMessage }>,
  wsServer: WebSocketServer,
  {
    bounds = DEFAULT_SOCKET_BOUNDS,
    keepAliveMs = 12_000,
    logger = partLogger("gateway"),
  }: { bounds?: SocketBounds; keepAliveMs?: number; logger?: Logger } = {},
) {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on("error", (error) => logger.error({ err: error }, "WebSocket server failed"));
  wsServer.on("connection", (socket, request) => {
    setFrameBound(socket, bounds.maxMessageBytesBeforeAck);
    let acknowledged = false;
    socket.on("error", (error: Error & { code?: string }) => {
      // A bound `ws` enforced (1009) or a malformed frame (1002): it closes the socket itself.
      if (error.code?.startsWith("WS_ERR_")) return;
      logger.warn({ err: error }, "WebSocket failed");
      socket.terminate();
    });
    // graphql-ws's keep-alive: a ping, and the socket ends when no pong comes in `keepAliveMs`.
    let pongWait: NodeJS.Timeout | undefined;
    const pings = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
      socket.once("pong", () => clearTimeout(pongWait));
      socket.ping();
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (!acknowledged && data.includes('"connection_ack"')) {
              acknowledged = true;
              setFrameBound(socket, bounds.maxMessageBytes);
            }
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (receive) =>
          socket.on("message", async (data) => {
            const text = String(data);
            const refusal = refusalOf(text, acknowledged, bounds);
            if (refusal) {
              socket.close(refusal.code, refusal.reason);
              return;
            }
            try {
              await receive(text);
            } catch (error) {
              logger.error({ err: error }, "a graphql-ws message could not be handled");
              socket.close(closeCodeOf("INTERNAL_SERVER_ERROR"), "Internal server error");
            }
          }),
      },
      { socket, request },
    );
    socket.once("close", (code, reason) => {
      clearInterval(pings);
      clearTimeout(pongWait);
      void closed(code, String(reason));
    });
  });
  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, "Going away");
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) =>
        wsServer.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
