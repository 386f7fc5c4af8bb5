/** A gateway's or a subgraph's answer: the HTTP status and the parsed body. */
export interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

/** POSTs an operation with plain fetch and returns the status with the body. */
export async function post(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** Headers that send a key, and a grant when given. */
export const bearer = (key: string, grant?: string) => ({
  authorization: `Bearer ${key}`,
  ...(grant ? { grant } : {}),
});
