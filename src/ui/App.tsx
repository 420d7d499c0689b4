/** Placeholder page until the explorer lands. */
export function App() {
  return (
    <main>
      <h1>Ouroboros</h1>
      <p>Circular financing explorer. The interactive graph is on its way.</p>
    </main>
  );
}
