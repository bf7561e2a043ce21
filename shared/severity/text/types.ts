import type { SeverityLevel } from '../../schema/codes';

/** Words per language. A phrase may hold `(a|b|c)` groups, expanded when compiled. */
export interface Words {
  zh: string[];
  en: string[];
}

/**
 * One trigger read from the sentence. A *target* (媒体, 法院, the press) counts only with an
 * intent next to it in the same clause (找媒体, 去法院, contact the press); an *act* (起诉, 曝光,
 * sue) counts on its own. Neither counts inside an exception (曝光过度, food court), nor when a
 * negation scopes over it (我不会去曝光, no one was injured).
 */
export interface TextTrigger {
  /** Reason id, translated as `severity.rule.<rule>`. */
  rule: string;
  level: SeverityLevel;
  targets?: Words;
  /** Intents for this trigger's targets, besides the shared ones (我要报警: 要). */
  intents?: Words;
  acts?: Words;
  except?: Words;
  /**
   * When it already happened (已经起诉, 法院已经立案, sued): this rule and level instead.
   * `acts` mean it happened by themselves (立案, 传票, went viral); `intents` publish or file, so
   * with a past marker they mean it happened (已经发到抖音了), where 联系了记者 does not.
   */
  done?: { rule: string; level: SeverityLevel; acts?: Words; intents?: Words };
}

/** How text is read: the triggers and the small grammar around them (policy `severity.text`). */
export interface TextRules {
  triggers: TextTrigger[];
  /** Verbs and prepositions that aim at a target: before it (找, 向, contact) or after it (投诉). */
  intents: { before: Words; after: Words };
  /** Deny what follows in the clause: 没有, 不会, no one, never. */
  negations: Words;
  /** Make a following negation a condition, not a denial: 如果不…就起诉, unless. */
  conditions: Words;
  /** End a negation's scope: 就, 否则, but, otherwise. */
  breakers: Words;
  /**
   * Deny what is said after them, across a new subject: "I never said I would contact the
   * media", 我没说过要曝光. A negation after one cancels it ("never said I would NOT sue").
   */
  denials?: Words;
  /**
   * Revive a denied threat later in the sentence: "I don't want to sue, but you are leaving me
   * no choice", 我不想起诉，但你们逼我.
   */
  revivers?: Words;
  /** Mark an act as done: 已经, already, have. */
  past: Words;
  /** Mark an act as a threat, which is never "done": 要, 准备, will, going to. */
  threats: Words;
  /** How far, in characters, an intent or a negation reaches to its word. */
  reach: { zh: number; en: number };
}
