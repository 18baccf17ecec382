/** An error with an HTTP status, answered as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
