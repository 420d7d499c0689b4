import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What failed, for the message: "the graph", "this panel". */
  readonly what: string;
  readonly children: ReactNode;
}

/** Shows a readable message instead of a blank page when a part of the app throws. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // NOTE: kept for developers; the user sees the message below, never a stack trace.
    console.warn(`Ouroboros: ${this.props.what} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error-box">
        <h2>Sorry, {this.props.what} could not be shown.</h2>
        <p>{error.message || "An unexpected error occurred."}</p>
        <p>Your data is safe. Try again, or reload the page.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{" "}
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
