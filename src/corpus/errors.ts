/** The one error type of the corpus builder: always names the file (and line when known). */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${message}`);
    this.name = "ParseError";
  }
}
