import type { RollupLog } from 'rollup';

/**
 * Rollup `onwarn` that drops one notice: "contains an annotation that Rollup cannot interpret"
 * (INVALID_ANNOTATION) in a dependency. zod 4 puts explanatory comments beside its `@__PURE__`
 * marks; Rollup removes them and says so for every bundle, about 30 lines a build, none of which
 * anyone here can act on. The same notice about our own code still shows.
 */
export function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
  warn(warning);
}
