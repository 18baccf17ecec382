/** Seeding a newly placed reflection wall with the workshop's default columns. */
import { DEFAULT_REFLECTIONS } from '../../content/reflections.js';
import type { Locale } from '../../i18n/index.js';
import type { Board, Origin } from '../../model/index.js';

/**
 * Creates the default columns (title and questions in `locale`) of the wall `widgetId` in ONE
 * transaction and returns their ids in order. A wall that already has columns is left as it is
 * (returns []), so seeding twice does not double the columns.
 */
export function seedWall(board: Board, widgetId: string, locale: Locale, origin: Origin): string[] {
  if (board.owned(widgetId, 'wall-column').length > 0) return [];
  return board.transact(
    () =>
      DEFAULT_REFLECTIONS.map((column, i) =>
        board.create(
          'wall-column',
          {
            props: {
              widget: widgetId,
              title: column.title[locale],
              questions: column.questions.map((q) => q[locale]).join('\n'),
              order: i + 1,
            },
          },
          origin,
        ),
      ),
    origin,
  );
}
