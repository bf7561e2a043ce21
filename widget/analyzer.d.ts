// The analyzer's typings leave out `create` and `ts`, which its README documents for use from
// code (widget/manifest.ts).
import type { Package } from 'custom-elements-manifest/schema';
import type * as TS from 'typescript';

declare module '@custom-elements-manifest/analyzer' {
  export function create(options: {
    modules: TS.SourceFile[];
    plugins?: Plugin[];
    context?: Context;
  }): Package;
  export const ts: typeof TS;
}
