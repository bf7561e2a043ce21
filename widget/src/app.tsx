import type { Locale, Profile } from '@shared/schema/codes';
import type { FieldError } from '@shared/schema/issues';
import type { ComplaintSubmission } from '@shared/schema/submission';
import { Component, createRef } from 'preact';
import type * as Flow from './flow';
import { FormView } from './form-view';
import type { PreparedImage } from './images';
import { loadFlow, loadOutboxModule, loadValidator } from './lazy';
import { type Errors, type Msg, byField } from './messages';
import type { Draft } from './payload';
import { MAX_SUBMISSION_ATTACHMENTS } from './schema-constants';
import type { Step } from './step';

export type { Step };

/** The element's attributes, resolved. */
export interface WidgetConfig {
  endpoint: string;
  site: string;
  locale: Locale;
  profile?: Profile | undefined;
  categories: readonly string[];
  currency: string;
  nonce: string;
}

export interface AppProps extends WidgetConfig {
  /** The `<complaint-form>` element: events are dispatched on it. */
  host: HTMLElement;
  onStep?: ((step: Step) => void) | undefined;
  onReset: () => void;
  /** What the visitor typed into the first paint's markup before Preact took over (view.ts). */
  before?: Before | undefined;
}

export interface Before {
  draft: Draft;
  /** The hidden field only bots fill in. */
  honeypot: string;
  /** When the form was first shown: the fill time the spam rule reads starts then. */
  started: number;
}

interface AppState extends Draft {
  imagesBusy: boolean;
  errors: Errors;
  showSummary: boolean;
  notice: Msg | null;
  /** The validated submission being read back; null while editing. */
  confirming: ComplaintSubmission | null;
  flow: typeof Flow | null;
}

/**
 * The form step (first load) and, once it validates, the rest of the journey from the lazy flow
 * chunk. What was typed stays here, so going back to edit loses nothing. A class component: it
 * keeps preact/hooks (1 KB) out of the first load.
 */
export class App extends Component<AppProps, AppState> {
  /** What was typed, updated at once (state catches up at the next render; a blur may come first). */
  private draft: Draft = this.props.before?.draft ?? { values: {}, anonymous: false, images: [] };
  override state: AppState = {
    ...this.draft,
    imagesBusy: false,
    errors: {},
    showSummary: false,
    notice: null,
    confirming: null,
    flow: null,
  };
  private started = this.props.before?.started ?? performance.now();
  private id = '';
  private honeypot = this.props.before?.honeypot ?? '';
  private typed = false;
  private focus: '' | 'summary' | 'heading' = '';
  private summaryRef = createRef<HTMLDivElement>();
  private headingRef = createRef<HTMLHeadingElement>();

  override componentDidMount() {
    this.props.onStep?.('edit');
    if (Object.keys(this.draft.values).length) this.startTyping();
    // Fetch the rest in the background, in a task after the one that shows the form. Nothing
    // waits for it: the first blur awaits the validator, "Review" the flow (onReview keeps it in
    // state), so no re-render of the form is needed when a chunk arrives.
    setTimeout(() => {
      loadValidator().catch(() => undefined);
      loadFlow().catch(() => undefined);
    });
  }

  override componentDidUpdate(_: AppProps, prev: AppState) {
    if (prev.confirming && !this.state.confirming) this.props.onStep?.('edit');
    // Focus moves only after something the visitor did, never on first render.
    if (!this.focus) return;
    (this.focus === 'summary' ? this.summaryRef : this.headingRef).current?.focus();
    this.focus = '';
  }

  private setDraft(change: Partial<Draft>) {
    this.draft = { ...this.draft, ...change };
    this.setState(change);
  }

  private async check() {
    const v = await loadValidator();
    this.id ||= v.uuid();
    const p = this.props;
    return v.checkDraft(this.draft, {
      id: this.id,
      site: p.site,
      locale: p.locale,
      profile: p.profile,
      currency: p.currency,
      honeypot: this.honeypot,
      elapsedMs: performance.now() - this.started,
    });
  }

  /** After a blur: fixed errors go away; a new one shows only on a field that has content. */
  private async recheck(name: string) {
    const r = await this.check().catch(() => null);
    if (!r) return;
    const now = r.ok ? {} : byField(r.issues);
    this.setState(({ errors }) => {
      const next: Errors = {};
      for (const field of Object.keys(errors)) if (now[field]) next[field] = now[field];
      if (now[name] && this.draft.values[name]?.trim()) next[name] = now[name];
      return { errors: next };
    });
  }

  /**
   * Fields left while a mouse button or finger is down. Re-checking them at once could add or
   * remove an error message and move the button being pressed, so the click would miss it; they
   * are re-checked when the press ends.
   */
  private held: string[] | undefined;

  private hold = () => {
    if (this.held) return;
    this.held = [];
    const release = () => {
      removeEventListener('pointerup', release, true);
      removeEventListener('pointercancel', release, true);
      setTimeout(() => {
        const names = this.held ?? [];
        this.held = undefined;
        for (const name of names) void this.recheck(name);
      });
    };
    addEventListener('pointerup', release, true);
    addEventListener('pointercancel', release, true);
  };

  private onBlur = (name: string) => {
    if (this.held) this.held.push(name);
    else void this.recheck(name);
  };

  private onValue = (name: string, value: string) => {
    this.setDraft({ values: { ...this.draft.values, [name]: value } });
    this.startTyping();
  };

  /** The outbox code is fetched once the visitor starts typing: offline it could not be. */
  private startTyping() {
    if (this.typed) return;
    this.typed = true;
    loadOutboxModule(this.props.nonce).catch(() => undefined);
  }

  private onImages = async (files: File[]) => {
    const room = MAX_SUBMISSION_ATTACHMENTS - this.draft.images.length;
    const problems: Msg[] = [];
    if (files.length > room) {
      problems.push({
        key: 'validation.tooManyFiles',
        params: { max: MAX_SUBMISSION_ATTACHMENTS },
      });
    }
    this.setState({ imagesBusy: true });
    const ready: PreparedImage[] = [];
    try {
      const [{ prepareImage }] = await Promise.all([loadFlow(), loadValidator()]);
      for (const file of files.slice(0, Math.max(0, room))) {
        try {
          ready.push(await prepareImage(file));
        } catch {
          problems.push({ key: 'widget.image.failed', params: { name: file.name } });
        }
      }
    } catch {
      problems.push({ key: 'widget.error.network' });
    }
    this.setDraft({
      images: [...this.draft.images, ...ready].slice(0, MAX_SUBMISSION_ATTACHMENTS),
    });
    this.setState(({ errors: { images: _, ...rest } }) => ({
      imagesBusy: false,
      errors: problems[0] ? { ...rest, images: problems[0] } : rest,
    }));
  };

  private onReview = async () => {
    const r = await this.check().catch(() => null);
    const flow = await loadFlow().catch(() => null);
    if (!r || !flow) return this.setState({ notice: { key: 'widget.error.network' } });
    if (r.ok) {
      this.setState({ notice: null, errors: {}, showSummary: false, confirming: r.data, flow });
    } else {
      this.focus = 'summary';
      this.setState({ notice: null, errors: byField(r.issues), showSummary: true, flow });
    }
  };

  private onEdit = async (serverErrors?: FieldError[]) => {
    if (!serverErrors) {
      this.focus = 'heading';
      return this.setState({ confirming: null });
    }
    const { fieldOf } = await loadValidator();
    this.focus = 'summary';
    this.setState({
      confirming: null,
      showSummary: true,
      errors: byField(
        serverErrors.map((e) => ({ field: fieldOf(e.path), key: e.code, text: e.message })),
      ),
    });
  };

  render(p: AppProps, s: AppState) {
    const Journey = s.flow?.Journey;
    return (
      <div class="card" lang={p.locale} onPointerDown={this.hold}>
        {s.confirming && Journey ? (
          <Journey
            host={p.host}
            locale={p.locale}
            endpoint={p.endpoint}
            nonce={p.nonce}
            data={s.confirming}
            images={s.images}
            recheck={() => this.check()}
            onEdit={this.onEdit}
            onNewId={(id) => {
              this.id = id;
            }}
            onReset={p.onReset}
            onStep={p.onStep}
          />
        ) : (
          <FormView
            locale={p.locale}
            profile={p.profile}
            categories={p.categories}
            currency={p.currency}
            values={s.values}
            anonymous={s.anonymous}
            images={s.images}
            imagesBusy={s.imagesBusy}
            errors={s.errors}
            showSummary={s.showSummary}
            notice={s.notice}
            summaryRef={this.summaryRef}
            headingRef={this.headingRef}
            onValue={this.onValue}
            onBlur={this.onBlur}
            onAnonymous={(anonymous) => {
              this.setDraft({ anonymous });
              void this.recheck('anonymous');
            }}
            onHoneypot={(v) => {
              this.honeypot = v;
            }}
            onImages={(files) => void this.onImages(files)}
            onRemoveImage={(i) =>
              this.setDraft({ images: this.draft.images.filter((_, k) => k !== i) })
            }
            onReview={() => void this.onReview()}
          />
        )}
      </div>
    );
  }
}
