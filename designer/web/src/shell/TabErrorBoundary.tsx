import { Component, type ReactNode } from 'react';

/** A tab that throws shows its error instead of taking the whole editor (and its unsaved files) down. */
export class TabErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) return <p role="alert" className="error">{this.state.error.message}</p>;
    return this.props.children;
  }
}
