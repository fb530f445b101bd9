import { test, expect, Page, TestInfo } from '@playwright/test';
import { sidebar, snap } from './steps';

// The test password of every user of the Keycloak realm
// (platform-manifests/config/keycloak/scout-realm.json; README "Sign-in").
const PASSWORD = 'scout-dev-password';

// A pipeline run on Trino takes 1 to 3 minutes; Keycloak's first answers
// on a busy machine take a while too.
test.describe.configure({ timeout: 360_000 });

/** Signs in as a person would: the Keycloak button, then its login page in the popup. */
async function signInWithKeycloak(
  page: Page,
  info: TestInfo,
  username: string,
) {
  await page.goto('/');
  await expect(page.getByText('Keycloak', { exact: true })).toBeVisible();
  await snap(page, info, '01-sign-in-page');

  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await popup.getByLabel('Username or email').fill(username);
  await popup.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await snap(popup, info, '02-keycloak-login');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign In' }).click();
  await closed; // the portal has the session; the popup closes itself

  await expect(
    sidebar(page).getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** Who the portal says the signed-in person is (the OIDC sign-in's identity). */
async function identity(page: Page) {
  const res = await page.request.get('/api/auth/oidc/refresh?env=development', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok(), `oidc refresh failed: ${res.status()}`).toBe(true);
  const body = await res.json();
  return body.backstageIdentity.identity as {
    userEntityRef: string;
    ownershipEntityRefs: string[];
  };
}

async function openLakehouse(page: Page) {
  await sidebar(page)
    .getByRole('link', { name: 'Lakehouse', exact: true })
    .click();
  await expect(page).toHaveURL(/\/lakehouse/);
  await expect(
    page.getByRole('button', { name: 'Run pipeline now' }),
  ).toBeVisible();
}

test('a platform-team member signs in through Keycloak and runs the pipeline', async ({
  page,
}, info) => {
  await signInWithKeycloak(page, info, 'maria.santos');
  // The Keycloak user is the catalog User with that email, in her team.
  const me = await identity(page);
  expect(me.userEntityRef).toBe('user:default/maria.santos');
  expect(me.ownershipEntityRefs).toContain('group:default/platform-team');
  await snap(page, info, '03-signed-in');

  await openLakehouse(page);
  await page.getByRole('button', { name: 'Run pipeline now' }).click();
  await expect(page.getByText(/^Pipeline run \S+ started$/)).toBeVisible();
  await snap(page, info, '04-run-started');

  // The run's page follows it to its end.
  await page.getByRole('link', { name: /Follow its steps and tests/ }).click();
  await expect(page).toHaveURL(/\/pipeline\/runs\/[^/]+$/);
  await expect(page.getByText('The run published to main')).toBeVisible({
    timeout: 300_000,
  });
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: 'user:default/maria.santos' }),
  ).toBeVisible();
  await snap(page, info, '05-run-published');
});

test('an analytics member is refused, told which permission is missing', async ({
  page,
}, info) => {
  await signInWithKeycloak(page, info, 'liza.garcia');
  const me = await identity(page);
  expect(me.userEntityRef).toBe('user:default/liza.garcia');
  expect(me.ownershipEntityRefs).toContain('group:default/analytics');

  await openLakehouse(page);
  await page.getByRole('button', { name: 'Run pipeline now' }).click();
  await expect(page.getByText('Not allowed to run the pipeline')).toBeVisible();
  await expect(page.getByText(/scout\.pipeline\.run/)).toBeVisible();
  await snap(page, info, '03-run-refused');
});

test('the guest of the local portal is the development User, in platform-team', async ({
  request,
}) => {
  const res = await request.get('/api/auth/guest/refresh?env=development', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok(), `guest sign-in failed: ${res.status()}`).toBe(true);
  const { identity: guest } = (await res.json()).backstageIdentity;
  expect(guest.userEntityRef).toBe('user:development/guest');
  expect(guest.ownershipEntityRefs).toContain('group:default/platform-team');
});
