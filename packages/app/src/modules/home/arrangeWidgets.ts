import type { ReactElement } from 'react';
import type {
  HomePageDefaultConfigItem,
  HomePageWidgetData,
} from '@backstage/plugin-home-react/alpha';

/** A grid column span: the 12-column grid's '1' to '12'. */
export type ColumnSpan =
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '10'
  | '11'
  | '12';

/** One home card in reading order, with the columns it spans on wide screens. */
export interface PlacedWidget {
  key: string;
  span: ColumnSpan;
  element: ReactElement;
}

/**
 * Orders the installed widgets as `page:home`'s defaultConfig lists them:
 * by row, then column; each spans `width` of 12 columns (clamped to 1-12).
 * Config items naming no installed widget are skipped, so a card can be
 * listed before its plugin is installed; widgets the config does not list
 * are not shown. `height` is ignored: cards take their content's height.
 */
export function arrangeWidgets(
  widgets: ReadonlyArray<Pick<HomePageWidgetData, 'name' | 'component'>>,
  config: ReadonlyArray<
    Pick<HomePageDefaultConfigItem, 'component' | 'row' | 'column' | 'width'>
  >,
): PlacedWidget[] {
  const byName = new Map(widgets.map(w => [w.name, w.component]));
  return [...config]
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .flatMap((item, index) => {
      const element = byName.get(item.component);
      if (!element) return [];
      const span = String(Math.min(12, Math.max(1, Math.round(item.width))));
      return [
        {
          key: `${item.component}-${index}`,
          span: span as ColumnSpan,
          element,
        },
      ];
    });
}
