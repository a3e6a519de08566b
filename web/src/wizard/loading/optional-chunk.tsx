/**
 * Around a lazily loaded extra of a step (the import panel, the merged file, the proxy check): while
 * it loads nothing shows, and when its chunk cannot be loaded (the server restarted with a new build)
 * one line says so, instead of the step's error boundary taking the whole step away.
 *
 * `holdStep` is for an extra shown above the step's questions: the step keeps its own "Loading the
 * questions…" state until the extra is there too, so the questions never jump down under a click.
 */
import { Component, Suspense, type ReactNode } from 'react';

export class OptionalChunk extends Component<
  { what: string; holdStep?: boolean; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (this.state.failed) {
      return (
        <p className="muted" role="status">
          {this.props.what} could not be loaded: reload the page to get it. Your answers are kept.
        </p>
      );
    }
    if (this.props.holdStep) return this.props.children;
    return <Suspense fallback={null}>{this.props.children}</Suspense>;
  }
}
