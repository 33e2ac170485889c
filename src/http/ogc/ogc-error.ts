/** OGC API exception codes (OGC API – Common, exception schema) Repère answers with. */
export type OgcErrorCode = 'InvalidParameterValue' | 'NotFound' | 'TooManyRequests' | 'ServerError';

/** The JSON body of every OGC error: `{ code, description }` (OGC API – Features 7.5.1, exception.yaml). */
export interface OgcExceptionBody {
  code: OgcErrorCode;
  description: string;
}

/** A client error of the OGC API, sent with its status in the OGC exception shape. */
export class OgcError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: OgcErrorCode,
    description: string,
  ) {
    super(description);
    this.name = 'OgcError';
  }

  get body(): OgcExceptionBody {
    return { code: this.code, description: this.message };
  }
}

/** A 400 for a query parameter, naming it and what was expected. */
export function invalidParameter(name: string, description: string): OgcError {
  return new OgcError(400, 'InvalidParameterValue', `Parameter "${name}": ${description}`);
}
