/** The API's errors, as the UI shows them: a sentence, and the offending fields when the server names them. */
export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly issues: ApiIssue[];
  /** The API's error code (`preflight_disabled`…), for answers the UI explains in its own words. */
  readonly code: string | undefined;

  constructor(message: string, status: number, issues: ApiIssue[] = [], code?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
    this.code = code;
  }

  static async from(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const record = (typeof body === 'object' && body !== null ? body : {}) as {
      error?: unknown;
      message?: unknown;
      issues?: unknown;
    };
    const issues = Array.isArray(record.issues)
      ? (record.issues as ApiIssue[]).filter(
          (issue) => typeof issue?.message === 'string' && Array.isArray(issue.path),
        )
      : [];
    const message =
      response.status === 400 && issues.length > 0
        ? 'The server found problems in the answers.'
        : response.status === 429
          ? 'The server is busy (too many requests). Wait a few seconds and try again.'
          : typeof record.message === 'string'
            ? record.message
            : `The server answered ${response.status} ${response.statusText}.`.replace(/ \.$/, '.');
    const code = typeof record.error === 'string' ? record.error : undefined;
    return new ApiError(message, response.status, issues, code);
  }
}

/** fetch that turns network failures and non-2xx answers into ApiError. */
export async function request(input: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch {
    throw new ApiError('The wizard’s server cannot be reached. Check that it is still running.', 0);
  }
  if (!response.ok) throw await ApiError.from(response);
  return response;
}
