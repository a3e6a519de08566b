/**
 * `<app-slug>`, `<namespace>`, `<release>`, `<chart>`: what only the user knows, in the commands the
 * files and next steps give (shared/src/render/next-steps.ts writes them as `<placeholders>`). Marked so
 * they stand out as "replace this" (issue 21, item 8); the text, and what Copy copies, stay exactly
 * the same.
 */
import type { ReactNode } from 'react';

/** A `<lower-case-name>` placeholder: never an HTML comment, a tag with attributes or `<<`. */
const PLACEHOLDER = /(<[a-z][a-z0-9-]*>)/;

export function hasPlaceholders(text: string): boolean {
  return PLACEHOLDER.test(text);
}

export function withPlaceholders(text: string): ReactNode[] {
  return text.split(PLACEHOLDER).map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="placeholder" title="Replace with your own value">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}
