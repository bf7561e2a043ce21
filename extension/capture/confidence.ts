import type { ClipField, ClipResult, FieldEvidence, Tier } from './types';
import { TIER_CONFIDENCE } from './types';

/** Below this overall confidence the agent reviews an editable preview instead of a silent save. */
export const PREVIEW_THRESHOLD = 0.7;

/** Fields that make a usable complaint weigh most; to/cc/attachments are extras. `messageId` stands for either id. */
export const OVERALL_WEIGHTS: Readonly<Partial<Record<ClipField, number>>> = {
  from: 0.3,
  body: 0.3,
  subject: 0.15,
  messageId: 0.15,
  date: 0.1,
};

const round = (n: number) => Math.round(n * 100) / 100;

/** Tier confidence times the validators' factors (each 0..1). */
export function fieldEvidence(tier: Tier, selector: string, ...factors: number[]): FieldEvidence {
  const confidence = factors.reduce((c, f) => c * f, TIER_CONFIDENCE[tier]);
  return { tier, selector, confidence: round(confidence) };
}

/** Weighted mean over the key fields; a missing field counts as 0. Either id identifies the clip. */
export function overallConfidence(fields: Partial<Record<ClipField, number>>): number {
  const id = Math.max(fields.messageId ?? 0, fields.threadId ?? 0);
  let sum = 0;
  let weights = 0;
  for (const [field, weight] of Object.entries(OVERALL_WEIGHTS) as [ClipField, number][]) {
    sum += (field === 'messageId' ? id : (fields[field] ?? 0)) * weight;
    weights += weight;
  }
  return round(sum / weights);
}

/** Per-field confidences out of the evidence, and the overall score. */
export function scoreEvidence(
  evidence: Partial<Record<ClipField, FieldEvidence>>,
): ClipResult['confidence'] {
  const fields: Partial<Record<ClipField, number>> = {};
  for (const [k, v] of Object.entries(evidence) as [ClipField, FieldEvidence][])
    fields[k] = v.confidence;
  return { overall: overallConfidence(fields), fields };
}

export function needsPreview(clip: Pick<ClipResult, 'confidence'>): boolean {
  return clip.confidence.overall < PREVIEW_THRESHOLD;
}
