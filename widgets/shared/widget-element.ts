/**
 * `KbWidgetElement`: the base of every widget element (as Shoelace's elements share one base).
 * It declares once the contract the canvas keeps with a widget (src/canvas/item-view.ts sets
 * all of it as properties: `.board=… .widgetId=… .readonly=…`), re-renders on every board change
 * and language change, and is the one way a widget tells the page something: `emit`.
 *
 * A widget names its events in the type parameter, event name to `detail`:
 * `class KbX extends KbWidgetElement<{ 'kb-x-done': { id: string } }>`, and `this.emit('kb-x-done',
 * { id })` is checked against it. The element's own JSDoc header still lists them (with its
 * slots, CSS parts and custom properties); the properties below are documented here only.
 *
 * Attributes, for markup outside the canvas: `widget-id`, `readonly` (reflected: styles use
 * `:host([readonly])`), `user-name`, `client-tag`; `board`, `origin` and `presence` are objects
 * and have no attribute.
 *
 * @property board - The board model (src/model): the only way to read and write.
 * @property widgetId - Id of the placed `widget` item this element shows.
 * @property origin - This participant's transaction origin; every write passes it (per-user undo).
 * @property presence - Presence, for in-flight drags: own ones out, peers' ones in.
 * @property readonly - A locked board: nothing can be changed, controls say why.
 * @property userName - The participant's display name (author of what they write).
 * @property clientTag - The participant's anonymous tag (marks what is theirs; likes; `createdBy`).
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../src/i18n/lit.js';
import type { Board, Origin } from '../../src/model/index.js';
import type { Presence } from '../../src/sync/presence.js';
import { BoardController } from './board-controller.js';

/**
 * Dispatches a widget event from `target`: a `CustomEvent` that bubbles and crosses shadow roots,
 * so the canvas and the page hear it. Elements that are not widgets (a widget's own parts, such as
 * `<kb-competence-card>`) use it directly.
 */
export function emitEvent<T>(target: EventTarget, name: string, detail: T): CustomEvent<T> {
  const event = new CustomEvent<T>(name, { detail, bubbles: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

export abstract class KbWidgetElement<Events extends object = Record<never, never>> extends LitElement {
  /** The board model; the only way to read and write. */
  @property({ attribute: false }) board: Board | undefined;
  /** Id of the placed `widget` item this element shows. */
  @property({ attribute: 'widget-id' }) widgetId = '';
  /** This participant's transaction origin; every write passes it. */
  @property({ attribute: false }) origin: Origin = {};
  /** Presence, for in-flight drags (own and peers'). */
  @property({ attribute: false }) presence: Presence | null = null;
  /** A locked board: nothing can be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The participant's display name. */
  @property({ attribute: 'user-name' }) userName = '';
  /** The participant's anonymous client tag. */
  @property({ attribute: 'client-tag' }) clientTag = '';

  constructor() {
    super();
    new BoardController(this, () => this.board);
    new LocaleController(this);
  }

  /** Dispatches the widget event `name` (bubbling, composed) with its typed `detail`. */
  protected emit<K extends keyof Events & string>(name: K, detail: Events[K]): CustomEvent<Events[K]> {
    return emitEvent(this, name, detail);
  }
}
