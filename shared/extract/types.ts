/** What a detail is. */
export type DetailKind =
  | 'phone'
  | 'email'
  | 'amount'
  | 'headcount'
  | 'orderNumber'
  | 'plate'
  | 'date'
  | 'name';

/**
 * One detail read out of free text: a proposal the agent confirms, never a fact. `text` is
 * exactly `source.slice(start, end)`; `value` is the normalised reading (numbers for amounts and
 * headcounts, `YYYY-MM-DD` for dates, digits for phones, lower-case e-mail…).
 */
export interface DetailProposal {
  kind: DetailKind;
  value: string | number;
  text: string;
  start: number;
  end: number;
  /** 0..1: how sure the reading is (an explicit label or unit is surer than a bare number). */
  confidence: number;
  /** Amounts: what the customer asks for, or what the company offered. */
  role?: 'claim' | 'offer';
  /** Amounts: ISO 4217 code of the stated currency (CNY when written in yuan or unmarked). */
  currency?: string;
  /** Amounts and headcounts written as a lower bound ("四十多户", "over 40"): `value` is the bound. */
  approximate?: boolean;
  /** Headcounts: the people act together (我们…, 联名, of us); only these count as complainants. */
  collective?: boolean;
  /** Order numbers: which document the label named. */
  label?: 'order' | 'invoice' | 'waybill' | 'contract' | 'ticket' | 'reference';
}

export interface ExtractOptions {
  /** Resolves relative and year-less dates; without it they keep no year or are skipped. */
  now?: Date;
  /** The text's language when known; both languages are read either way. */
  locale?: 'zh-CN' | 'en';
  /** Where "yesterday" is reckoned (IANA name); default UTC. */
  timeZone?: string;
}
