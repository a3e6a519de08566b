import { createElement, use, type ComponentType } from 'react';

/** A promise that says whether it has settled, the way React's `use()` reads it without waiting. */
type Tracked<T> = Promise<T> & {
  status?: 'pending' | 'fulfilled' | 'rejected';
  value?: T;
  reason?: unknown;
};

/**
 * React.lazy with a preload() to warm the chunk before it is rendered. Unlike React.lazy, a chunk
 * that is already loaded renders at once, without suspending for a microtask: a preloaded step
 * shows on the Next that asks for it, and the prerendered first step hydrates in one pass
 * (main.tsx awaits its chunk before `hydrateRoot`).
 *
 * A chunk that fails stays failed for rendering (the error boundary shows, as with React.lazy);
 * preload() tries again.
 *
 * @see {@link https://react.dev/reference/react/use} (a settled promise with `status` is read synchronously)
 */
export function lazyWithPreload<P extends object>(
  factory: () => Promise<{ default: ComponentType<P> }>,
) {
  let current: Tracked<{ default: ComponentType<P> }> | undefined;
  const load = () => {
    if (current && current.status !== 'rejected') return current;
    const promise: Tracked<{ default: ComponentType<P> }> = factory().then(
      (module) => {
        promise.status = 'fulfilled';
        promise.value = module;
        return module;
      },
      (error: unknown) => {
        promise.status = 'rejected';
        promise.reason = error;
        throw error;
      },
    );
    promise.status = 'pending';
    current = promise;
    return promise;
  };
  function Preloaded(props: P) {
    const module = use((current ?? load()) as Promise<{ default: ComponentType<P> }>);
    return createElement(module.default, props);
  }
  return Object.assign(Preloaded, { preload: load });
}
