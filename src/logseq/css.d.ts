// esbuild loads .css as text for the Logseq bundle (provideStyle takes a string).
declare module '*.css' {
  const text: string;
  export default text;
}
