import { test, expect, type Locator, type Page } from '@playwright/test';
import { guestToken, unregister } from './catalogClient';
import { enterAsGuest, sidebar, snap } from './steps';

/*
 * "New data pipeline" as a newcomer runs it in the browser: choose the
 * template on Create, fill its three pages through the form's own widgets,
 * review, create, follow the run's steps and log to the end, then open what
 * it registered in the catalog. scaffold.api.spec.ts takes the same values
 * through the API and goes on to merge and run what was generated.
 */

// A new name each run: the run publishes a Gitea repository of that name
// and registers its entities, so a second run must not collide.
const NAME = `store_checks_${Date.now().toString(36)}`;
const FUNCTION = `ingest-${NAME.replaceAll('_', '-')}`;

// Types by the labels the form shows (the template's enumNames).
const FIELDS = [
  { name: 'check_id', type: 'UUID' },
  { name: 'store_id', type: 'Code or id (letters, digits, . _ -; up to 64)' },
  { name: 'checked_at', type: 'Instant with a UTC offset' },
  { name: 'score', type: 'Peso amount (2 decimals)' },
];

// The steps that check what was generated, then the two that publish it;
// the local Git step is the fallback when Gitea does not answer.
const CHECKS = [
  'Check the values',
  'Check the migrations',
  'Build the dbt models',
  'Check the SLO',
  'Check the catalog entities',
];
const PUBLISH = ['Publish to Gitea for review', 'Register in the catalog'];

/** A failed run puts its error in an alert above the steps. */
const runError = (page: Page) =>
  page.getByRole('alert').filter({ hasText: /^Error/ });

/**
 * Waits for one step of the task page to end: its name gains a duration
 * once it starts, and its spinner goes when it ends. The step list shows
 * no other sign of success (the tick is an unlabelled icon), so a failure
 * is caught by the run's error alert instead.
 */
async function stepEnds(page: Page, step: string) {
  const ended = page
    .getByRole('button', { name: new RegExp(`^${step} \\d`) })
    .filter({ hasNot: page.getByRole('progressbar') });
  await expect(ended.or(runError(page)).first()).toBeVisible({
    timeout: 180_000,
  });
  await expect(runError(page)).toHaveCount(0);
}

/**
 * Picks an option of a select, then waits for its menu to be gone: it
 * fades out, and would otherwise cover the form in the next screenshot.
 */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox', { includeHidden: true })).toHaveCount(
    0,
  );
}

test.describe.configure({ timeout: 300_000 });

test('New data pipeline: fill the form, follow the run, open the function in the catalog', async ({
  page,
}, info) => {
  await enterAsGuest(page);
  await sidebar(page).getByRole('link', { name: 'Create' }).click();
  await expect(
    page.getByRole('heading', { name: 'Templates', level: 2 }),
  ).toBeVisible();
  // The template cards have no role of their own: the card is the innermost
  // block holding both the template's title and a Choose button (the last
  // such ancestor in document order).
  const card = page
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'New data pipeline', level: 4 }),
    })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await expect(
    card.getByText(/^A new source from ingest to gold/),
  ).toBeVisible();
  await snap(page, info, '01-templates');
  await card.getByRole('button', { name: 'Choose' }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/new-data-pipeline/,
  );
  await expect(
    page.getByRole('heading', { name: 'New data pipeline', level: 2 }),
  ).toBeVisible();

  // Page 1, the source. The pickers list titles ("Data Engineering",
  // "Ingestion Layer") and match only on them: typing the names
  // data-engineering or scout-ingestion lists nothing.
  await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.fill('Data Eng');
  await page
    .getByRole('option', { name: 'Data Engineering', exact: true })
    .click();
  await expect(owner).toHaveValue('group:default/data-engineering');
  const system = page.getByRole('textbox', { name: 'System' });
  await system.fill('Ingest');
  await page
    .getByRole('option', { name: 'Ingestion Layer', exact: true })
    .click();
  await expect(system).toHaveValue('system:default/scout-ingestion');
  // The source is already the default; choose it as a user confirming it would.
  await choose(
    page,
    page.getByRole('button', { name: /^Source/ }),
    'A new edge function that receives JSON',
  );
  await snap(page, info, '02-the-source');
  await page.getByRole('button', { name: 'Next' }).click();

  // Page 2, the records: the array starts with one empty item; the rest
  // come from its add button.
  await expect(
    page.getByRole('heading', { name: 'Fields', level: 5, exact: true }),
  ).toBeVisible();
  for (const [i, field] of FIELDS.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add Item' }).click();
    await page.getByRole('textbox', { name: 'Name' }).nth(i).fill(field.name);
    await choose(
      page,
      page.getByRole('button', { name: 'Type' }).nth(i),
      field.type,
    );
  }
  await expect(
    page.getByRole('heading', { name: 'Fields-4', level: 5, exact: true }),
  ).toBeVisible();
  await snap(page, info, '03-the-records');
  await page.getByRole('button', { name: 'Next' }).click();

  // Page 3, the gold model. Grain and Measures start empty, each with its
  // own add button (Grain's first).
  await page.getByRole('textbox', { name: 'Day from' }).fill('checked_at');
  await page.getByRole('button', { name: 'Add Item' }).nth(0).click();
  await page.getByRole('textbox', { name: 'Group by' }).fill('store_id');
  await page.getByRole('button', { name: 'Add Item' }).nth(1).click();
  await page.getByRole('textbox', { name: 'Field' }).fill('score');
  await choose(page, page.getByRole('button', { name: 'Aggregate' }), 'sum');
  await expect(
    page.getByRole('spinbutton', { name: 'Freshness objective (minutes)' }),
  ).toHaveValue('60');
  await snap(page, info, '04-the-gold-model');
  await page.getByRole('button', { name: 'Review' }).click();

  // The review lists every value as it will be sent.
  for (const row of [
    `Name ${NAME}`,
    'Owner group:default/data-engineering',
    'System system:default/scout-ingestion',
    'Source A new edge function that receives JSON',
    'Day from checked_at',
    'Grain store_id',
    'Measures field: score aggregate: sum',
    'Freshness objective (minutes) 60',
  ]) {
    await expect(
      page.getByRole('row', { name: row, exact: true }),
    ).toBeVisible();
  }
  const fields = page.getByRole('row', { name: /^Fields / });
  for (const field of FIELDS) {
    await expect(fields.getByText(`name: ${field.name}`)).toBeVisible();
  }
  await expect(fields.getByText('type: timestamp')).toBeVisible();
  await snap(page, info, '05-review');
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page: every step listed from the start.
  await expect(page).toHaveURL(/\/create\/tasks\/[0-9a-f-]+$/);
  for (const step of [...CHECKS, ...PUBLISH]) {
    await expect(
      page.getByRole('button', { name: new RegExp(`^${step}`) }),
    ).toBeVisible();
  }
  // The log opens by itself once the run ends, and the Show Logs toggle
  // goes then with the rest of the button bar: open it while the run is on.
  await page.getByRole('button', { name: 'Show Logs' }).click();
  await expect(page.getByRole('button', { name: 'Hide Logs' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Download logs' }),
  ).toBeVisible();
  await expect(
    page.getByText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /).first(),
  ).toBeVisible();
  await snap(page, info, '06-run-with-log');

  for (const step of CHECKS) await stepEnds(page, step);
  await snap(page, info, '07-checks-passed');
  for (const step of PUBLISH) await stepEnds(page, step);
  // With Gitea up, the local fallback never starts: no duration by its name.
  await expect(
    page.getByRole('button', {
      name: "Publish to the portal's local Git",
      exact: true,
    }),
  ).toBeVisible();

  // The run's outputs.
  const repository = page.getByRole('link', { name: /^Repository \(Gitea\)/ });
  await expect(repository).toHaveAttribute(
    'href',
    new RegExp(`^http://127\\.0\\.0\\.1:3300/scout/${NAME}(\\.git)?$`),
  );
  const inCatalog = page.getByRole('link', {
    name: 'The function in the catalog',
  });
  await expect(inCatalog).toHaveAttribute(
    'href',
    `/catalog/default/component/${FUNCTION}`,
  );
  await snap(page, info, '08-run-completed');

  await inCatalog.click();
  await expect(page).toHaveURL(`/catalog/default/component/${FUNCTION}`);
  // The run's last step waited until the catalog listed the function, so
  // the link opens it: never "Entity not found".
  const about = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'About', level: 3 }) });
  await expect(about).toBeVisible();
  await expect(
    page.getByRole('heading', { name: FUNCTION, level: 2 }),
  ).toBeVisible();
  // The header names the owner; the About card gives its title and link.
  await expect(
    page.getByRole('link', { name: 'data-engineering', exact: true }),
  ).toBeVisible();
  await expect(
    about.getByRole('link', { name: 'Data Engineering' }),
  ).toHaveAttribute('href', '/catalog/default/group/data-engineering');
  const provided = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'Provided APIs' }) });
  await expect(
    provided.getByRole('link', { name: `${FUNCTION} API`, exact: true }),
  ).toBeVisible();
  // The relations graph draws the function's API as a node once laid out.
  const relations = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: 'Relations' }) });
  await expect(
    relations.getByText(`${FUNCTION} API`, { exact: true }),
  ).toBeVisible();
  await snap(page, info, '10-function-in-catalog');

  // The journeys after this one count the platform's own entities.
  await unregister(
    page.request,
    await guestToken(page.request),
    `component:default/${FUNCTION}`,
  );
});
