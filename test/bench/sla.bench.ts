/**
 * SLA budgets: deadlines are recomputed for every complaint in a list or a sync, so 100,000 of
 * them must stay well under a second (docs/architecture.md "Scale").
 */
import type { SeverityLevel } from '../../shared/schema/codes';
import { CHANNELS, CLOCKS } from '../../shared/schema/codes';
import type { DeadlineInput } from '../../shared/sla/clock-span';
import { computeDeadlines, deadlineFor } from '../../shared/sla/index';
import { type BenchRow, timeIt } from './row';

const N = 100_000;
const HOUR = 3_600_000;
const YEAR_START = Date.UTC(2025, 11, 31, 16); // 2026-01-01 00:00 Shanghai

// A fixed-seed generator (mulberry32): the same mix every run.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LEVELS: SeverityLevel[] = ['L0', 'L1', 'L1', 'L1', 'L1', 'L2', 'L2', 'L3', 'L4'];
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Received any time of 2026 (nights, weekends, Spring Festival, National Day…), clocks in flight. */
function complaints(): DeadlineInput[] {
  const rnd = random(20_261_120);
  const out: DeadlineInput[] = [];
  for (let i = 0; i < N; i++) {
    const received = YEAR_START + Math.floor(rnd() * 360 * 24) * HOUR + Math.floor(rnd() * HOUR);
    const at = (h: number) => new Date(received + h * HOUR).toISOString();
    const stage = Math.floor(rnd() * 4);
    const clocks: DeadlineInput['clocks'] = {
      forward: { startedAt: at(0) },
      reply: { startedAt: at(0) },
    };
    clocks.close =
      rnd() < 0.05 ? { startedAt: at(0), agreedDueAt: at(24 * 20) } : { startedAt: at(0) };
    clocks.progress = { startedAt: at(stage * 5) };
    if (stage >= 1) {
      clocks.forward = { startedAt: at(0), stoppedAt: at(0.5 + rnd() * 20) };
      clocks.firstContact = { startedAt: at(1) };
    }
    if (stage >= 2) clocks.firstContact = { startedAt: at(1), stoppedAt: at(1 + rnd() * 30) };
    if (stage >= 3) {
      clocks.reply = { startedAt: at(0), stoppedAt: at(rnd() * 40) };
      clocks.callback = { startedAt: at(40) };
    }
    out.push({
      status: 'in_progress',
      receivedAt: at(0),
      channel: pick(rnd, CHANNELS),
      severity: { level: pick(rnd, LEVELS) },
      urgent: rnd() < 0.1,
      clocks,
    });
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const inputs = complaints();
  const rnd = random(7);
  const calls = inputs.map((c) => ({
    clock: pick(rnd, CLOCKS),
    context: {
      at: new Date(c.receivedAt),
      severity: c.severity.level,
      channel: c.channel,
      urgent: c.urgent,
    },
  }));
  const now = new Date(YEAR_START + 200 * 24 * HOUR);
  let sink = 0;
  const single = await timeIt(() => {
    for (const { clock, context } of calls) sink += deadlineFor(clock, context).dueAt.getTime();
  });
  const all = await timeIt(() => {
    for (const input of inputs) sink += computeDeadlines(input, now).clocks.length;
  });
  if (Number.isNaN(sink)) throw new Error('a deadline came out NaN');
  return [
    { metric: 'deadlineFor ×100k', value: Math.round(single), unit: 'ms', budget: 1000 },
    {
      metric: 'computeDeadlines ×100k complaints',
      value: Math.round(all),
      unit: 'ms',
      budget: 1000,
    },
  ];
}
