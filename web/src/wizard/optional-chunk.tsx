/**
 * Around a lazily loaded extra of a step (the import panel, the merged file, the proxy check): while
 * it loads nothing shows, and when its chunk cannot be loaded (the server restarted with a new build)
 * one line says so, instead of the step's error boundary taking the whole step away.
 */
import { Component, Suspense, type ReactNode } from 'react';

export class OptionalChunk extends Component<
  { what: string; children: ReactNode },
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
    return <Suspense fallback={null}>{this.props.children}</Suspense>;
  }
}
