/** The error body every failed request carries. */
export interface ErrorBody {
  error: { code: string; message?: string; correlationId?: string };
}

/** The response body, typed by the caller. */
export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The `error` member of an error response. */
export async function errorOf(response: Response): Promise<ErrorBody['error']> {
  return (await jsonOf<ErrorBody>(response)).error;
}
