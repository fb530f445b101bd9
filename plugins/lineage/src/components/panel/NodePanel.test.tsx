import { screen } from '@testing-library/react';
import { BARE_GOLD } from '../../__testUtils__/fixtures';
import { setupLineageServer } from '../../__testUtils__/lineageServer';
import { renderLineage } from '../../__testUtils__/renderLineage';
import { NodePanel } from './NodePanel';

jest.setTimeout(30_000);

/** Where `el`'s text may wrap: the text before each `<wbr>` in it. */
const breaksIn = (el: HTMLElement) =>
  [...el.querySelectorAll('wbr')].map(wbr =>
    (wbr.previousSibling?.textContent ?? '').slice(-1),
  );

describe('the side panel', () => {
  setupLineageServer();

  it('shows a long name whole, wrapping after its dots, slashes and colons', async () => {
    const namespace = 'trino://trino-coordinator.analytics.internal:8080';
    const name = 'lakehouse_catalog.finance_reporting.gold_daily_store_sales';
    renderLineage(
      <NodePanel
        node={{ ...BARE_GOLD, namespace, name }}
        isRoot
        onPickField={() => {}}
        path={{ loading: false }}
      />,
    );

    const heading = await screen.findByRole('heading', { name });
    expect(breaksIn(heading)).toEqual(['.', '.']);
    const ns = screen.getByText(
      (_, el) => el?.tagName === 'DD' && el.textContent === namespace,
    );
    expect(breaksIn(ns)).toEqual(['/', '.', '.', ':']);
  });
});
