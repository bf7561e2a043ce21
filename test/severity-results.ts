/**
 * Every assessment `assessSeverity` gives on the bench's 100k generated inputs and on every
 * corpus sentence (as written, upper-cased and in full-width forms), recorded so a change made
 * for speed can be shown to change no result (`severity-results.test.ts`). The fixture
 * (test/fixtures/severity/results.json) was written by the reader before the speed work, with
 * the rules of the heldout-4/heldout-5 rounds (so the speed work is checked against those too);
 * rewrite it (`node --import tsx test/severity-results.ts --write`) only for
 * a change meant to change results, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type SeverityAssessment, assessSeverity } from '../shared/severity';
import { makeInputs } from './bench/severity.bench';
import { loadCorpus } from './severity-corpus';

export const FIXTURE = fileURLToPath(new URL('fixtures/severity/results.json', import.meta.url));

const CORPORA = ['corpus', 'heldout', 'heldout-2', 'heldout-3', 'heldout-4'] as const;
/** Bench inputs per digest: a difference is found to within a chunk, and the fixture stays small. */
const CHUNK = 1000;

export interface Results {
  /** Digest of the bench inputs: a changed generator, not a changed reader, fails this first. */
  benchInputs: string;
  /** Per chunk of bench inputs, a digest of their assessments. */
  bench: string[];
  /** How many bench inputs were assessed each level and each rule fired (readable on a diff). */
  benchLevels: Record<string, number>;
  benchRules: Record<string, number>;
  /** `file:line` → the assessment of the sentence, as JSON. */
  corpus: Record<string, string>;
  /** Per corpus file, a digest of its sentences' assessments upper-cased and in full-width forms. */
  variants: Record<string, string>;
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/** ASCII as full-width forms (ＭＥＤＩＡ, １２３１５): the reader folds them back. */
const wide = (text: string) =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

export function computeResults(): Results {
  const inputs = makeInputs(100_000);
  const bench: string[] = [];
  const benchLevels: Record<string, number> = {};
  const benchRules: Record<string, number> = {};
  for (let from = 0; from < inputs.length; from += CHUNK) {
    const chunk: SeverityAssessment[] = [];
    for (const input of inputs.slice(from, from + CHUNK)) {
      const a = assessSeverity(input);
      chunk.push(a);
      benchLevels[a.level] = (benchLevels[a.level] ?? 0) + 1;
      for (const r of a.reasons) benchRules[r.rule] = (benchRules[r.rule] ?? 0) + 1;
    }
    bench.push(digest(chunk));
  }
  const corpus: Record<string, string> = {};
  const variants: Record<string, string> = {};
  for (const name of CORPORA) {
    const cases = loadCorpus(name);
    for (const c of cases)
      corpus[`${name}:${c.line}`] = JSON.stringify(assessSeverity({ text: c.text }));
    variants[name] = digest(
      cases.map((c) => [
        assessSeverity({ text: c.text.toUpperCase() }),
        assessSeverity({ text: wide(c.text) }),
      ]),
    );
  }
  return { benchInputs: digest(inputs), bench, benchLevels, benchRules, corpus, variants };
}

if (process.argv.includes('--write')) {
  writeFileSync(FIXTURE, `${JSON.stringify(computeResults(), null, 2)}\n`);
}
