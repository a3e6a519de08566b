import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';

/** What a client may send before it gets a 429: generous for a person, a brake for a script. */
export const API_RATE_LIMIT = { max: 300, timeWindow: '1 minute' } as const;

/**
 * `POST /api/preflight` opens real connections to a proxy, a few dozen per run: a person retries a
 * handful of times a minute, a script trying to use the wizard as a scanner gets stopped. It counts
 * on top of the API limit, with its own counter.
 */
export const PREFLIGHT_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/**
 * Per-IP rate limit for the API and the not-found handler.
 *
 * Registered with `global: false`: static assets are not limited (a page load fetches several), and
 * the limit is applied where it matters, as an `onRequest` hook on the `/api` scope and a
 * `preHandler` on the not-found handler ("An attacker could search for valid URLs if your 404 error
 * handling is not rate limited", fastify/demo). Behind a reverse proxy every client would share the
 * proxy's IP; that needs Fastify's `trustProxy`, which this single-host tool does not set.
 *
 * @see {@link https://github.com/fastify/fastify-rate-limit}
 * @see {@link https://github.com/fastify/demo/blob/main/src/app.ts} (rate-limited 404 handler)
 */
export const autoConfig: RateLimitPluginOptions = { global: false, ...API_RATE_LIMIT };

export default rateLimit;
