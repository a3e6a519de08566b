/**
 * JSON Schema of `RenderResult` (shared/src/render/types.ts) for Fastify's response serializer:
 * it documents the API's 200 body and lets fast-json-stringify serialize it without
 * `JSON.stringify`'s generic walk. A field missing here would be dropped from responses, so
 * render.test.ts compares every response with `renderAll()` field for field.
 *
 * @see {@link https://fastify.dev/docs/latest/Reference/Validation-and-Serialization/#serialization}
 */
const str = { type: 'string' } as const;
const path = { type: 'array', items: { type: ['string', 'integer'] } } as const;
const source = {
  type: ['object', 'null'],
  properties: { title: str, url: str },
  required: ['title', 'url'],
} as const;

export const RenderResultSchema = {
  type: 'object',
  required: ['files', 'noProxy', 'allowlist', 'egress', 'warnings'],
  properties: {
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'mediaType', 'content'],
        properties: { name: str, mediaType: str, content: str },
      },
    },
    noProxy: {
      type: 'array',
      items: {
        type: 'object',
        required: ['entry', 'reason', 'source'],
        properties: { entry: str, reason: str, source },
      },
    },
    allowlist: {
      type: 'array',
      items: {
        type: 'object',
        required: ['domain', 'group', 'reason'],
        properties: { domain: str, group: str, reason: str },
      },
    },
    egress: {
      type: 'array',
      items: {
        type: 'object',
        required: ['target', 'protocol', 'port', 'reason', 'cause'],
        properties: {
          target: str,
          protocol: str,
          port: { type: 'integer' },
          reason: str,
          cause: str,
        },
      },
    },
    warnings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'severity', 'message', 'path'],
        properties: { code: str, severity: str, message: str, path },
      },
    },
  },
} as const;
