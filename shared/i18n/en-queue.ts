import { access } from './en/access';
import { common } from './en/common';
import { extension } from './en/extension';
import { review } from './en/review';
import { rules } from './en/rules';
import { sla } from './en/sla';
import { workspace } from './en/workspace';

/**
 * The English areas the review queue shows (codes, the popup, the queue, deadlines, its
 * columns): the extension's popup renders from these alone; on-demand.ts fetches the rest.
 */
export const enQueue = {
  ...common,
  ...sla,
  ...extension,
  ...review,
  ...rules,
  ...workspace,
  ...access,
};
