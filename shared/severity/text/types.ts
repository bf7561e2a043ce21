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
  /** Words after this trigger's targets that aim at them, besides the shared after-intents. */
  after?: Words;
  /**
   * A thing and what happened to it, composed: with `states`, a target counts only with one of
   * these after it in its clause (烟感 + 不响, "the smoke alarm … doesn't make a sound", 承重墙 +
   * 敲了), and the shared intents do not apply (烟感的问题我投诉过 is not a hazard). Two small
   * classes instead of every pair listed.
   */
  states?: Words;
  /**
   * One of these must also stand before the word (target or act) in its clause: the demand
   * before a cost and its state ("I **want** the full vet **bill covered**"; "the fee covered
   * breakfast" is no demand), the duty before the bearer (**应该**…**由你们**来出).
   */
  needs?: Words;
  acts?: Words;
  /**
   * The word counts only with a body named by its initials right after it (3–6 capitals, not
   * a job title): "raising this with OFCOM", "taking it to ACCC" — any body, no list of names.
   */
  initials?: boolean;
  except?: Words;
  /**
   * When it already happened (已经起诉, 法院已经立案, sued): this rule and level instead.
   * `acts` mean it happened by themselves (立案, 传票, went viral); `intents` publish or file, so
   * with a past marker they mean it happened (已经发到抖音了), where 联系了记者 does not.
   */
  done?: {
    rule: string;
    level: SeverityLevel;
    acts?: Words;
    /**
     * Publishing or filing intents: before a target (发到抖音) or after it (晚报已经登了, the BBC
     * covered it), with a past marker they mean it happened.
     */
    intents?: Words;
    /**
     * Words that mean it happened when a count of at least 1,000 stands right before them
     * (40k upvotes, 1.2M views, 3,000 shares, 10万播放): the count is the evidence, not the word.
     */
    counts?: Words;
    /**
     * What a count must be of, named before it in the clause: the customer's post (my video,
     * her thread, 这条视频), not a product page's likes. Without this list any count counts.
     */
    countOf?: Words;
  };
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
   * media", 我没说过要曝光; and what someone else would do, or what would be done only if it
   * were bigger (换了别人早就投诉到消协了, "if it were a bigger amount I'd go to the ombudsman").
   * A negation after one cancels it ("never said I would NOT sue").
   */
  denials?: Words;
  /**
   * Revive a denied threat later in the sentence: "I don't want to sue, but you are leaving me
   * no choice", 我不想起诉，但你们逼我.
   */
  revivers?: Words;
  /**
   * Carry a composed trigger's state into the next clause when that clause starts with one of
   * these (烟感坏了，按了也不响; "the smoke alarm is brand new, but it doesn't beep"): the same
   * thing, tried again, not a new subject.
   */
  continuations?: Words;
  /**
   * Open a simile that 一样/似的 close after the word: 跟中毒了一样, 像被抢了似的 — likened, not
   * happened. Chinese only (the closing words are).
   */
  similes?: Words;
  /**
   * A counterfactual, across commas to the sentence's end: what would have been done, not what
   * will be (要是金额再大点，我早就去法院起诉你们了; "If my cat could sue you, she would";
   * "Hypothetically, if this heater were a fire risk…"). `conditions` (if, 要是) count only with
   * a `mood` after them (were, could, 早就); `openers` (hypothetically) count alone; `ends`
   * (otherwise, 否则) close it.
   */
  counterfactuals?: { conditions: Words; moods: Words; openers: Words; ends: Words };
  /**
   * Drop a threat said earlier in the sentence: "I was about to go to the ombudsman but they
   * sorted it", 朋友让我去找消协，我觉得没必要. Not across a condition (if, unless, 如果).
   */
  droppers?: Words;
  /**
   * The case's age told by dates in the text: `opened` words date the first report (reported,
   * logged, 报修, 报了), `now` words date today (it is now, today is, 至今, 现在). Both dates
   * read, more than the aging months apart → the aging rule, proposed.
   */
  aging?: { opened: Words; now: Words };
  /** Mark an act as done: 已经, already, have. */
  past: Words;
  /** Mark an act as a threat, which is never "done": 要, 准备, will, going to. */
  threats: Words;
  /** How far, in characters, an intent or a negation reaches to its word. */
  reach: { zh: number; en: number };
}
