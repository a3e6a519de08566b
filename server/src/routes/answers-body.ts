/**
 * Reading the answers document from a request body: JSON (what API clients and `fetch` send) or a
 * classic HTML form with one field `answers` holding that JSON, so the UI can download the zip with
 * a native form submit (the browser saves the attachment itself, no Blob or object URL needed).
 */
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { validateAnswers, type Answers } from '@wizard/shared';
import { ApiError } from '../errors.ts';

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
    const fields = new URLSearchParams(body).getAll('answers');
    const [answers] = fields;
    if (fields.length !== 1 || answers === undefined) {
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
    void parseJson(request, answers, done);
  };
  app.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, parseForm);
}

/** The validated answers, or a 400 `invalid_answers` naming every offending field. */
export function answersFrom(body: unknown): Answers {
  const result = validateAnswers(body);
  if (!result.ok) throw new ApiError(400, { error: 'invalid_answers', issues: result.issues });
  return result.answers;
}
