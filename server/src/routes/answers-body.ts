/**
 * Reading the answers document from a request body: JSON (what API clients and `fetch` send) or a
 * classic HTML form with one field `answers` holding that JSON, so the UI can download the zip with
 * a native form submit (the browser saves the attachment itself, no Blob or object URL needed).
 */
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AnswersSchema, validateAnswers, type AnswerIssue, type Answers } from '@wizard/shared';
import { PreflightRunSchema, type PreflightLine } from '@wizard/shared/preflight';
import { ApiError } from '../errors.ts';
import { requestBody } from '../contract.ts';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * Content types the API accepts: Fastify's JSON parser (which refuses `__proto__` and `constructor`
 * keys) and a form parser that hands the `answers` field to that same JSON parser. Fastify's
 * text/plain parser is removed so a mislabelled body gets a clear 415, not a confusing 400.
 *
 * @see {@link https://fastify.dev/docs/latest/Reference/ContentTypeParser/}
 */
export function acceptAnswersBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const parseForm: FastifyBodyParser<string> = (request, body, done) => {
    const form = new URLSearchParams(body);
    const fields = form.getAll('answers');
    const [answers] = fields;
    const preflight = form.getAll('preflight');
    if (fields.length !== 1 || answers === undefined || preflight.length > 1) {
      done(
        new ApiError(400, {
          error: 'invalid_form',
          message:
            'Send exactly one form field named "answers" holding the answers document as JSON.',
        }),
        undefined,
      );
      return;
    }
    if (preflight[0] === undefined) {
      void parseJson(request, answers, done);
      return;
    }
    // With a proxy check run, the body takes the download's wrapped form (see downloadFrom).
    void parseJson(request, `{"answers":${answers},"preflight":${preflight[0]}}`, done);
  };
  app.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, parseForm);
}

export interface DownloadRequest {
  answers: Answers;
  preflight?: PreflightLine[];
  /**
   * The browser adds the user's own file, merged, to the zip (the file itself never comes here):
   * README.md then lists it and its steps replace it (issue 21, item 2).
   */
  ownFile?: boolean;
}

/**
 * A download body: the answers document itself, or `{"answers": …, "preflight": [...]}` with a finished
 * "Test my proxy" run to record in README.md. The answers document has no `answers` key, so the two
 * forms cannot be confused. Issues in the wrapped form are reported under `answers` and `preflight`.
 */
export function downloadFrom(body: unknown): DownloadRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('answers' in body)) {
    const result = validateAnswers(body);
    if (!result.ok) throw new ApiError(400, { error: 'invalid_answers', issues: result.issues });
    return { answers: result.answers };
  }
  const { answers, preflight, ownFile, ...rest } = body as Record<string, unknown>;
  const issues: AnswerIssue[] = Object.keys(rest).map((key) => ({
    path: [key],
    message: `Unknown key ${JSON.stringify(key)}: send "answers" and, optionally, "preflight" and "ownFile".`,
  }));
  if (ownFile !== undefined && typeof ownFile !== 'boolean') {
    issues.push({ path: ['ownFile'], message: 'ownFile is true or false.' });
  }
  const validation = validateAnswers(answers);
  if (!validation.ok) {
    issues.push(...validation.issues.map((i) => ({ ...i, path: ['answers', ...i.path] })));
  }
  const run = preflight === undefined ? undefined : PreflightRunSchema.safeParse(preflight);
  if (run && !run.success) {
    issues.push(
      ...run.error.issues.map((i) => ({
        path: ['preflight', ...i.path.map((k) => (typeof k === 'symbol' ? String(k) : k))],
        message: i.message,
      })),
    );
  }
  if (issues.length > 0 || !validation.ok) {
    throw new ApiError(400, { error: 'invalid_answers', issues });
  }
  return {
    answers: validation.answers,
    ...(run?.success && { preflight: run.data }),
    ...(ownFile === true && { ownFile: true }),
  };
}

/**
 * The download body's two forms as one schema, for the route's types and the OpenAPI document. A
 * union's failure is one `invalid_union` issue, not a field each, so the body is read by
 * `downloadFrom`, which picks the form by the `answers` key and names every offending field.
 */
export const DownloadBody = requestBody(
  z.union([
    z.strictObject({
      answers: AnswersSchema,
      preflight: PreflightRunSchema.optional(),
      ownFile: z.boolean().optional(),
    }),
    AnswersSchema.transform((answers): DownloadRequest => ({ answers })),
  ]),
  'invalid_answers',
  downloadFrom,
);
