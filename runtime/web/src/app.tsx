export function App() {
  return <main><h1>Konstruktor</h1></main>;
}
