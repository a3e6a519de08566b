/**
 * The API contract, declared once: each route's `schema` names zod schemas from shared/ (or built
 * from them), and those same schemas type the handlers (the zod type provider), check the request
 * (the validator below), encode the JSON responses (the provider's serializer) and give the OpenAPI
 * document at `GET /api/openapi.json` (plugins/openapi.ts).
 *
 * @see {@link https://github.com/turkerdev/fastify-type-provider-zod}
 * @see {@link https://fastify.dev/docs/latest/Reference/Validation-and-Serialization/}
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AnswersSchema, toAnswerIssues } from '@wizard/shared';
import { PreflightLineSchema } from '@wizard/shared/preflight';
import { ApiError, ApiErrorSchema } from './errors.ts';

export { serializerCompiler } from 'fastify-type-provider-zod';

/** How a request body that fails its schema is answered: a 400 with this `error` code. */
interface BodyRule {
  error: string;
  /**
   * Reads the body instead of `schema.safeParse`, throwing an `ApiError` when it is invalid: for a
   * schema whose issues are worded by hand (the download's two body forms, see answers-body.ts).
   */
  read?: (body: unknown) => unknown;
}

const BODY_RULES = new WeakMap<z.ZodType, BodyRule>();

/**
 * Marks `schema` as a request body whose failures answer `400 {"error": error, "issues": [...]}`,
 * one issue per offending field, as `toAnswerIssues` words them for the CLI and the UI too.
 */
export function requestBody<T extends z.ZodType>(
  schema: T,
  error: string,
  read?: (body: unknown) => z.output<T>,
): T {
  BODY_RULES.set(schema, read ? { error, read } : { error });
  return schema;
}

/** The answers document as a request body: `400 invalid_answers` naming every offending field. */
export const AnswersBody = requestBody(AnswersSchema, 'invalid_answers');

/**
 * Validates a request part with its zod schema, as the provider's own `validatorCompiler` does
 * (`safeParse`, the parsed value replacing the raw one), but fails with the API's 400 shape: the
 * provider's error flattens each issue's path into a string (`/urls/0`), which loses whether a
 * step is a key or a list index, and the 400 names fields as paths like `["urls", 0]`.
 * Other parts than the body (the download's `?file=`) answer `400 invalid_request` with a sentence,
 * as Fastify's own validation did.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const rule = httpPart === 'body' ? BODY_RULES.get(schema) : undefined;
  const read = rule?.read;
  if (read) {
    return (data) => {
      try {
        return { value: read(data) };
      } catch (error) {
        return { error: error instanceof Error ? error : new Error(String(error)) };
      }
    };
  }
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const issues = toAnswerIssues(result.error);
    if (rule) return { error: new ApiError(400, { error: rule.error, issues }) };
    const part = httpPart ?? 'request';
    const message = issues
      .map((issue) => [part, ...issue.path].join('/') + ` ${issue.message}`)
      .join('; ');
    return { error: new ApiError(400, { error: 'invalid_request', message }) };
  };
};

/**
 * A JSON response whose shape belongs to shared/ as a TypeScript type, not a schema (the render
 * result, the catalog): documented by a sentence and sent as is, because a copy of the shape here
 * would silently drop any field added there.
 */
export function jsonAsIs(description: string) {
  return { description, content: { 'application/json': { schema: z.unknown() } } };
}

/** The error responses, with their one JSON shape. */
export function errors(...statuses: readonly (400 | 403 | 404 | 413 | 415 | 429)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { 'application/json': { schema: ApiErrorSchema } },
      },
    ]),
  );
}

const ERROR_DESCRIPTIONS = {
  400: 'The body or query is invalid: `issues` names every offending field by its path.',
  403: 'The preflight check is off on this server, or refused for this request.',
  404: 'These answers produce no file by that name: `available` lists the names.',
  413: 'The request body is too large.',
  415: 'The request body is not sent as JSON (or, for downloads, as a form).',
  429: 'Too many requests from this address: try again in a minute.',
} as const;

/** Schemas that the OpenAPI document names once under `components.schemas` and refers to. */
export const COMPONENTS = z.registry<{ id: string }>();
COMPONENTS.add(AnswersSchema, { id: 'Answers' });
COMPONENTS.add(ApiErrorSchema, { id: 'ApiError' });
COMPONENTS.add(PreflightLineSchema, { id: 'PreflightLine' });
