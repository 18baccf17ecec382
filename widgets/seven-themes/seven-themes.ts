import { html, LitElement, nothing, svg } from 'lit';
import type { PropertyValues, SVGTemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { CRITERIA } from '../../src/content/criteria.js';
import type { Criterion } from '../../src/content/criteria.js';
import { getLocale } from '../../src/i18n/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { NATURAL_SIZE, sevenThemesLayout } from '../../src/kinds/seven-themes/layout.js';
import type { PieceLayout } from '../../src/kinds/seven-themes/layout.js';
import { assessmentId } from '../../src/model/theme-assessment.js';
import type { Assessment } from '../../src/model/theme-assessment.js';
import { PointerDrag } from '../shared/drag.js';
import { baseStyles } from '../shared/styles.js';
import { KbWidgetElement } from '../shared/widget-element.js';
import { msg, notesCount } from './messages.js';
import { renderPanel } from './panel.js';
import { renderDefs, renderGhost, renderLegend, renderPieceBody, renderPieceMarks } from './piece.js';
import { PeerDragsController } from '../shared/peer-drags.js';
import { addNote, isOwnNote, readThemes, setAssessment } from '../../src/kinds/seven-themes/records.js';
import type { ThemeNote, ThemeState } from '../../src/kinds/seven-themes/records.js';
import { sevenThemesStyles } from './styles.js';

const LAYOUT = sevenThemesLayout();
/** Longest the snap-back may take before the lifted copy is dropped anyway. */
const RETURN_FALLBACK_MS = 600;

interface Lift {
  criterion: number;
  /** Offset from the piece's place, in layout units. */
  dx: number;
  dy: number;
  /** Released: animating back into place. */
  returning: boolean;
}

export interface PieceOpenDetail {
  criterion: number;
}
export interface AssessmentChangeDetail {
  criterion: number;
  status: Assessment;
}
/** The events of `<kb-seven-themes>`, by name. */
export interface SevenThemesEvents {
  'kb-piece-open': PieceOpenDetail;
  'kb-assessment-change': AssessmentChangeDetail;
}

/**
 * `<kb-seven-themes>`: the seven quality criteria of chain responsibility as a puzzle of seven
 * interlocking pieces. Each piece shows the group's assessment of its criterion (fill, pattern,
 * icon and text) and a badge with the number of the group's notes. Choosing a piece (click,
 * Enter or Space) opens a detail panel inside the element with the criterion's text, the
 * assessment control and the notes. A piece can be lifted with the mouse or a pen for play; it
 * snaps back on release and nothing is written. A finger on a piece pans the board instead
 * (a tap still opens it): the puzzle covers most of the widget.
 *
 * Records: `theme-assessment` (one per criterion, id `assessmentId(widgetId, criterion)`, a
 * missing one reads as 'not-started') and `theme-note`, both owned by the widget.
 *
 * Properties: the widget contract of `KbWidgetElement` (shared/widget-element.ts). Parts of the
 * element: piece.ts (the pieces' drawing) and panel.ts (the detail panel).
 *
 * @event kb-piece-open - A piece's detail panel opened. `detail: { criterion: number }`.
 * @event kb-assessment-change - This participant set a criterion's assessment.
 *   `detail: { criterion: number, status: 'not-started' | 'under-way' | 'established' }`.
 *
 * @slot - (none) The element has no slots.
 *
 * @csspart base - The frame holding the puzzle and the panel.
 * @csspart piece - Each puzzle piece (an SVG group, focusable, role button).
 * @csspart badge - The notes-count badge of a piece.
 * @csspart legend - The title and legend cell.
 * @csspart panel - The detail panel.
 * @csspart close - The panel's close button.
 * @csspart assessment-button - Each of the three assessment buttons.
 * @csspart note - Each note in the panel.
 *
 * @cssproperty --kb-status-not-started - Fill of a piece not started (default #eceff1).
 * @cssproperty --kb-status-under-way - Fill of a piece under way (default #ffe08a).
 * @cssproperty --kb-status-established - Fill of an established piece (default #a5d6a7).
 * @cssproperty --kb-seven-themes-stroke - Outline colour of the pieces (default --kb-border-strong).
 * @cssproperty --kb-seven-themes-hatch - Colour of the under-way hatching (default rgb(0 0 0 / 0.09)).
 * @cssproperty --kb-seven-themes-badge-bg - Background of the notes badge (default --kb-surface).
 * @cssproperty --kb-seven-themes-name-size - Font size of the names, in layout units (default 16px).
 * @cssproperty --kb-seven-themes-panel-width - Width of the detail panel (default 440px).
 * @cssproperty --kb-focus - Focus ring colour.
 */
@customElement('kb-seven-themes')
export class KbSevenThemes extends KbWidgetElement<SevenThemesEvents> {
  static override styles = [baseStyles, sevenThemesStyles];
  /** Focusing the element (e.g. Enter on the canvas item) focuses the first piece. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The criterion whose panel is open. */
  @state() private openCriterion: number | null = null;
  @state() private draft = '';
  @state() private anonymous = false;
  @state() private announcement = '';
  @state() private lift: Lift | null = null;
  /** The half of the puzzle the panel covers. */
  @state() private panelSide: 'start' | 'end' = 'end';
  /** The piece with keyboard focus (its ring is drawn above the neighbours). */
  @state() private focusRing: number | null = null;

  #returnTimer: ReturnType<typeof setTimeout> | undefined;
  #drag = new PointerDrag<null>({
    hitTest: () => null,
    threshold: 5,
    onStart: (id) => {
      const n = this.#criterionOf(id);
      if (n === undefined) return;
      clearTimeout(this.#returnTimer);
      this.lift = { criterion: n, dx: 0, dy: 0, returning: false };
      this.#publish(n, 0, 0);
    },
    onMove: (_id, m) => {
      if (this.lift === null) return;
      const s = this.#scale();
      this.lift = { ...this.lift, dx: m.dx / s, dy: m.dy / s, returning: false };
      this.#publish(this.lift.criterion, this.lift.dx, this.lift.dy);
    },
    onDrop: () => this.#release(),
    onCancel: () => this.#release(),
  });

  constructor() {
    super();
    // Lifted pieces travel as drags of the piece's assessment id.
    new PeerDragsController(this, () => this.presence, (id) => !!this.widgetId && /-a[1-7]$/.test(id) && id.startsWith(this.widgetId.slice(0, 56)));
  }

  /** Opens the detail panel of `criterion` (1..7) and moves focus into it. */
  async openPiece(criterion: number): Promise<void> {
    if (!CRITERIA.some((c) => c.number === criterion)) return;
    if (this.openCriterion !== criterion) {
      this.draft = '';
      this.anonymous = false;
      this.announcement = '';
    }
    this.openCriterion = criterion;
    this.panelSide = this.#panelSide(criterion);
    this.emit('kb-piece-open', { criterion });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus();
  }

  /** Closes the detail panel and returns focus to its piece. */
  async closePanel(): Promise<void> {
    const n = this.openCriterion;
    if (n === null) return;
    this.openCriterion = null;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGGElement>(`.piece[data-criterion="${n}"]`)?.focus();
  }

  /**
   * The panel covers the half of the puzzle away from the piece, unless that half is off the
   * screen (a phone showing part of the puzzle): then the piece's own half, which is on it.
   */
  #panelSide(criterion: number): 'start' | 'end' {
    const cell = LAYOUT.pieces[criterion - 1]?.cell;
    const left = !!cell && cell.x + cell.w / 2 < NATURAL_SIZE.w / 2;
    const r = this.getBoundingClientRect();
    const mid = r.left + r.width / 2;
    const away = left ? { a: mid, b: r.right } : { a: r.left, b: mid };
    const shown = Math.min(away.b, innerWidth) - Math.max(away.a, 0);
    const onScreen = shown >= (away.b - away.a) * 0.6;
    return left === onScreen ? 'end' : 'start';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#drag.cancel();
    clearTimeout(this.#returnTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('widgetId') && changed.get('widgetId') !== undefined) this.openCriterion = null;
  }

  override render() {
    if (this.board === undefined || this.widgetId === '') return nothing;
    const locale = getLocale();
    const themes = readThemes(this.board, this.widgetId);
    const lift = this.lift;
    const open = this.openCriterion === null ? undefined : themes[this.openCriterion - 1];
    const openCriterion = open === undefined ? undefined : CRITERIA[open.criterion - 1];
    return html`<div class="frame" part="base">
      <svg class="puzzle" viewBox="0 0 ${NATURAL_SIZE.w} ${NATURAL_SIZE.h}" role="group" aria-label=${msg('puzzle')}>
        ${renderDefs()} ${renderLegend(LAYOUT.legend, locale)}
        ${LAYOUT.pieces.map((piece, i) => this.#renderPiece(piece, themes[i] as ThemeState, locale))}
        ${this.#renderFocusRing()} ${lift === null ? nothing : this.#renderLifted(lift, themes, locale)}
        ${this.#renderGhosts(themes)}
      </svg>
      ${open === undefined || openCriterion === undefined ? nothing : this.#renderPanel(open, openCriterion, locale)}
    </div>`;
  }

  #renderPiece(piece: PieceLayout, theme: ThemeState, locale: Locale): SVGTemplateResult {
    const c = CRITERIA[piece.criterion - 1] as Criterion;
    const n = c.number;
    const lifted = this.lift?.criterion === n;
    const view = { piece, criterion: c, status: theme.status, noteCount: theme.notes.length, locale };
    return svg`<g
      class=${classMap({ piece: true, hole: lifted, lifting: lifted && !this.lift?.returning })}
      part="piece"
      role="button"
      tabindex="0"
      aria-haspopup="dialog"
      aria-expanded=${this.openCriterion === n ? 'true' : 'false'}
      aria-label=${msg('pieceLabel', { number: n, name: c.name[locale] })}
      data-item-id=${theme.assessmentId}
      data-criterion=${n}
      data-status=${theme.status}
      @click=${() => void this.openPiece(n)}
      @keydown=${(e: KeyboardEvent) => this.#onPieceKey(e, n)}
      @focus=${(e: FocusEvent) => (this.focusRing = (e.currentTarget as Element).matches(':focus-visible') ? n : null)}
      @blur=${() => (this.focusRing = null)}
      @pointerdown=${(e: PointerEvent) => e.pointerType !== 'touch' && this.#drag.start(e, theme.assessmentId)}
    ><desc>${msg('pieceState', { status: msg(`status.${theme.status}`), notes: notesCount(theme.notes.length) })}</desc>${renderPieceBody(view)}</g
    ><g class=${classMap({ hole: lifted })}>${renderPieceMarks(view)}</g>`;
  }

  #renderFocusRing(): SVGTemplateResult | typeof nothing {
    const piece = this.focusRing === null ? undefined : LAYOUT.pieces[this.focusRing - 1];
    return piece === undefined ? nothing : svg`<path class="focus-ring" d=${piece.path} aria-hidden="true"></path>`;
  }

  #renderLifted(lift: Lift, themes: ThemeState[], locale: Locale): SVGTemplateResult {
    const piece = LAYOUT.pieces[lift.criterion - 1] as PieceLayout;
    const theme = themes[lift.criterion - 1] as ThemeState;
    const c = CRITERIA[lift.criterion - 1] as Criterion;
    const view = { piece, criterion: c, status: theme.status, noteCount: theme.notes.length, locale };
    return svg`<g
      class=${classMap({ lifted: true, returning: lift.returning })}
      data-lifted=${lift.criterion}
      style=${`transform: translate(${lift.dx}px, ${lift.dy}px)`}
      aria-hidden="true"
      @transitionend=${this.#onReturned}
    >${renderPieceBody(view)}${renderPieceMarks(view)}</g>`;
  }

  #renderGhosts(themes: ThemeState[]): SVGTemplateResult[] {
    if (this.presence === null) return [];
    const byId = new Map(themes.map((t) => [t.assessmentId, t.criterion]));
    const { x: gx, y: gy, sx, sy } = this.#frame();
    const out: SVGTemplateResult[] = [];
    for (const peer of this.presence.peers()) {
      for (const d of peer.drags) {
        const n = byId.get(d.itemId);
        const piece = n === undefined ? undefined : LAYOUT.pieces[n - 1];
        if (piece === undefined) continue;
        const dx = (d.x - gx) / sx - piece.cell.x;
        const dy = (d.y - gy) / sy - piece.cell.y;
        out.push(renderGhost(piece, dx, dy, peer.user.name, peer.user.color));
      }
    }
    return out;
  }

  #renderPanel(theme: ThemeState, criterion: Criterion, locale: Locale) {
    return renderPanel({
      side: this.panelSide,
      criterion,
      locale,
      status: theme.status,
      notes: theme.notes,
      readonly: this.readonly,
      draft: this.draft,
      anonymous: this.anonymous,
      announcement: this.announcement,
      isOwn: (note) => isOwnNote(note, this.userName, this.clientTag),
      onStatus: (s) => this.#setStatus(theme, s),
      onDraft: (text) => (this.draft = text),
      onAnonymous: (on) => (this.anonymous = on),
      onSubmit: () => this.#addNote(theme.criterion),
      onDelete: (note) => this.#deleteNote(note),
      onClose: () => void this.closePanel(),
      onKeydown: (e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        void this.closePanel();
      },
    });
  }

  // ---- writing -----------------------------------------------------------------------

  #setStatus(theme: ThemeState, status: Assessment): void {
    if (this.readonly || this.board === undefined || theme.status === status) return;
    setAssessment(this.board, this.widgetId, theme.criterion, status, this.origin);
    this.announcement = msg('statusSet', { status: msg(`status.${status}`) });
    this.emit('kb-assessment-change', { criterion: theme.criterion, status });
  }

  #addNote(criterion: number): void {
    if (this.readonly || this.board === undefined) return;
    const author = this.anonymous ? '' : this.userName;
    const id = addNote(this.board, this.widgetId, criterion, this.draft, author, this.clientTag, this.origin);
    if (id === null) return;
    this.draft = '';
    this.announcement = msg('added');
  }

  async #deleteNote(note: ThemeNote): Promise<void> {
    if (this.readonly || this.board === undefined || !isOwnNote(note, this.userName, this.clientTag)) return;
    this.board.delete([note.id], this.origin);
    this.announcement = msg('deleted');
    // The button is gone: keep focus in the panel.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#note-text')?.focus();
  }

  // ---- interaction -------------------------------------------------------------------

  #onPieceKey(e: KeyboardEvent, criterion: number): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void this.openPiece(criterion);
    } else if (e.key === 'Escape' && this.#drag.dragging !== null) {
      e.preventDefault();
      this.#drag.cancel();
    }
  }

  /** Ends a lift (drop or cancel): clears the presence drag and snaps the piece back. Writes nothing. */
  #release(): void {
    this.presence?.setDrags([]);
    const lift = this.lift;
    if (lift === null) return;
    const still = lift.dx === 0 && lift.dy === 0;
    if (still || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.lift = null;
      return;
    }
    this.lift = { ...lift, returning: true };
    // Let the transition take hold, then move back to the place.
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => {
        if (this.lift?.returning) this.lift = { ...this.lift, dx: 0, dy: 0 };
      }),
    );
    clearTimeout(this.#returnTimer);
    this.#returnTimer = setTimeout(() => {
      if (this.lift?.returning) this.lift = null;
    }, RETURN_FALLBACK_MS);
  }

  #onReturned = (): void => {
    if (this.lift?.returning && this.lift.dx === 0 && this.lift.dy === 0) {
      clearTimeout(this.#returnTimer);
      this.lift = null;
    }
  };

  #publish(criterion: number, dx: number, dy: number): void {
    const piece = LAYOUT.pieces[criterion - 1];
    if (this.presence === null || piece === undefined) return;
    const { x, y, sx, sy } = this.#frame();
    const itemId = this.#idOf(criterion);
    this.presence.setDrags([{ itemId, x: x + (piece.cell.x + dx) * sx, y: y + (piece.cell.y + dy) * sy }]);
  }

  /** The widget's board position and its scale from layout units to board units. */
  #frame(): { x: number; y: number; sx: number; sy: number } {
    const g = this.board?.get(this.widgetId)?.geometry;
    if (g === undefined) return { x: 0, y: 0, sx: 1, sy: 1 };
    return { x: g.x, y: g.y, sx: g.w / NATURAL_SIZE.w, sy: g.h / NATURAL_SIZE.h };
  }

  /** Client pixels per layout unit. */
  #scale(): number {
    const w = this.renderRoot.querySelector('svg.puzzle')?.getBoundingClientRect().width ?? 0;
    return w > 0 ? w / NATURAL_SIZE.w : 1;
  }

  #idOf(criterion: number): string {
    return assessmentId(this.widgetId, criterion);
  }

  #criterionOf(itemId: string): number | undefined {
    return CRITERIA.find((c) => this.#idOf(c.number) === itemId)?.number;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kb-seven-themes': KbSevenThemes;
  }
}
