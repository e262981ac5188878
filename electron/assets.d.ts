/**
 * Icons imported by the shell's code. esbuild's file loader (package.json build:electron) copies
 * the file next to main.cjs and the import is its path relative to it; under Vitest, Vite gives a
 * URL instead, which tests never load.
 */
declare module '*.png' {
  const file: string;
  export default file;
}
