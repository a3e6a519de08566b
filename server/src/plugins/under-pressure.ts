import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';

/**
 * Answers 503 with `Retry-After` when the event loop is saturated, instead of queueing requests
 * until every client times out. Rendering is synchronous CPU work (YAML, certificate parsing), so
 * event-loop delay is the signal that matters; event-loop utilisation is not used because a busy
 * but healthy server (the benchmark) sits near 100 %.
 *
 * @see {@link https://github.com/fastify/under-pressure}
 * @see {@link https://www.youtube.com/watch?v=VI29mUA8n9w} (Do not thrash the event loop)
 */
export const autoConfig: FastifyUnderPressureOptions = {
  maxEventLoopDelay: 1000,
  message: 'The server is busy; retry in a few seconds.',
  retryAfter: 5,
};

export default underPressure;
