/** A client error the API reports as JSON with the parameter it concerns (400). */
export class BadRequestError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadRequestError';
  }
}

/** The JSON body of every API error. */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string; parameter?: string };
}
