/** Why a change was refused: the input is wrong (`INVALID`) or names something unknown. */
export class ChangeRefused extends Error {
  constructor(
    readonly reason: "INVALID" | "NOT_FOUND",
    message: string,
  ) {
    super(message);
    this.name = "ChangeRefused";
  }
}

export const invalid = (message: string) => new ChangeRefused("INVALID", message);
export const notFound = (message: string) => new ChangeRefused("NOT_FOUND", message);
