import * as z from 'zod/mini';
import { SEVERITY_LEVELS } from '../schema/codes';
import type { TextRules } from '../severity/text/types';

// Severity read from the sentence (shared/severity/text). Kept apart from policy.ts so the
// rest of the policy schema stays short; documented in docs/severity.md.
const Code = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/));
const Word = z.string().check(z.minLength(1), z.maxLength(1000));
const List = z.array(Word).check(z.maxLength(2000));
const WordsSchema = z.object({ zh: List, en: List });
const Level = z.enum(SEVERITY_LEVELS);

const TextTriggerSchema = z.object({
  rule: Code,
  level: Level,
  targets: z.optional(WordsSchema),
  intents: z.optional(WordsSchema),
  after: z.optional(WordsSchema),
  states: z.optional(WordsSchema),
  needs: z.optional(WordsSchema),
  initials: z.optional(z.boolean()),
  acts: z.optional(WordsSchema),
  except: z.optional(WordsSchema),
  done: z.optional(
    z.object({
      rule: Code,
      level: Level,
      acts: z.optional(WordsSchema),
      intents: z.optional(WordsSchema),
      counts: z.optional(WordsSchema),
      countOf: z.optional(WordsSchema),
    }),
  ),
});

export const TextRulesSchema = z.object({
  triggers: z.array(TextTriggerSchema).check(z.maxLength(100)),
  intents: z.object({ before: WordsSchema, after: WordsSchema }),
  negations: WordsSchema,
  conditions: WordsSchema,
  breakers: WordsSchema,
  denials: z.optional(WordsSchema),
  revivers: z.optional(WordsSchema),
  similes: z.optional(WordsSchema),
  continuations: z.optional(WordsSchema),
  counterfactuals: z.optional(
    z.object({
      conditions: WordsSchema,
      moods: WordsSchema,
      openers: WordsSchema,
      ends: WordsSchema,
    }),
  ),
  droppers: z.optional(WordsSchema),
  aging: z.optional(z.object({ opened: WordsSchema, now: WordsSchema })),
  past: WordsSchema,
  threats: WordsSchema,
  reach: z.object({
    zh: z.number().check(z.int(), z.gte(1), z.lte(100)),
    en: z.number().check(z.int(), z.gte(1), z.lte(400)),
  }),
});

// The schema and the engine's type describe the same document.
type Parsed = z.infer<typeof TextRulesSchema>;
export const textRulesMatch: [Parsed] extends [TextRules]
  ? [TextRules] extends [Parsed]
    ? true
    : never
  : never = true;
