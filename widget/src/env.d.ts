// Vite turns `?inline` CSS imports into the (minified) text of the file.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
