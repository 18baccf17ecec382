/**
 * Which element shows each widget type, and how a newly placed widget fills its content
 * (the competence deck, the wall's columns). Widget modules register themselves here, so the
 * canvas depends on the contract, not on each widget.
 */
import type { Board, Origin, WidgetType } from '../model/index.js';
import type { Locale } from '../i18n/index.js';

export interface WidgetDefinition {
  type: WidgetType;
  /** Custom element name, e.g. 'kb-seven-themes'. */
  tag: string;
  /** Size on the board when placed. */
  size: { w: number; h: number };
  /** Fills a newly created widget's content, inside the placing transaction. */
  seed?(board: Board, widgetId: string, locale: Locale, origin: Origin): void;
}

const registry = new Map<WidgetType, WidgetDefinition>();

export function registerWidget(def: WidgetDefinition): void {
  registry.set(def.type, def);
}

export function widgetDefinition(type: WidgetType): WidgetDefinition | undefined {
  return registry.get(type);
}

export function registeredWidgets(): WidgetDefinition[] {
  return [...registry.values()];
}
