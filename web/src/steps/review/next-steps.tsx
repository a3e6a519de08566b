/**
 * The numbered next steps for the chosen method, exactly the ones README.md lists (the shared renderer's
 * `nextSteps`), with a copy button on every command. Step texts are our own Markdown-inline sentences:
 * code spans and bold become elements, everything else stays text (React escapes it).
 */
import type { NextStep } from '@wizard/shared';
import type { ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { withPlaceholders } from '../../components/placeholders.tsx';

/** `code` and **bold** as elements; nothing else is interpreted. */
function inlineMarkdown(text: string): ReactNode[] {
  return text.split(/(`[^`]*`|\*\*[^*]+\*\*)/).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) {
      return <code key={i}>{part.slice(1, -1)}</code>;
    }
    if (part.startsWith('**') && part.endsWith('**') && part.length >= 4) {
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    }
    return part;
  });
}

export function NextSteps({ steps }: { steps: readonly NextStep[] }) {
  return (
    <section className="next-steps" aria-labelledby="next-steps-heading">
      <h3 id="next-steps-heading" tabIndex={-1}>
        Next steps
      </h3>
      <ol>
        {steps.map((step, i) => (
          <li key={i}>
            <p>{inlineMarkdown(step.text)}</p>
            {step.blocks.map((block, j) => (
              <div key={j} className="next-steps__block">
                {block.intro !== undefined && <p>{inlineMarkdown(block.intro)}</p>}
                <div className="command command--block">
                  <pre>
                    <code>{withPlaceholders(block.text)}</code>
                  </pre>
                  <CopyButton
                    text={block.text}
                    label={block.language === 'json' ? 'Copy JSON' : 'Copy command'}
                    what={`step ${i + 1}`}
                  />
                </div>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
