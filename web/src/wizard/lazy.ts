import { lazy, type ComponentType } from 'react';

/** React.lazy with a preload() to warm the chunk before it is rendered. */
export function lazyWithPreload<P extends object>(
  factory: () => Promise<{ default: ComponentType<P> }>,
) {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const load = () => {
    pending ??= factory().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  return Object.assign(lazy(load), { preload: load });
}
