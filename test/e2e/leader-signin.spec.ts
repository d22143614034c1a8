/**
 * Leader sign-in as a leader meets it in Chromium: the hub (the built CLI, with its `--oidc-*` flags)
 * sends her to the municipality's provider — a real OpenID provider in this process — and back; the
 * page says who is signed in and shows her units only; signing out ends it. Someone without a
 * Tavla role gets the bokmål refusal.
 */

import { test as base, expect as baseExpect } from '@playwright/test';
import { HubService } from '../../main/hub/hub-service.js';
import { tempDir } from '../support/temp-dir.js';
import { freePort } from '../support/mosquitto.js';
import { CLIENT, startProvider, type RunningProvider } from '../support/openid-provider.js';
import { TavlaProcess } from '../support/tavla-process.js';
import { seedMunicipality } from '../support/municipality-fixture.js';

const expect = baseExpect.configure({ timeout: 15_000 });

const test = base.extend<{ signIn: { leaderUrl: string; provider: RunningProvider } }>({
  // eslint-disable-next-line no-empty-pattern
  signIn: async ({}, use, testInfo) => {
    const dir = tempDir('tavla-e2e-signin-');
    // The hub's store holds a municipality as if its boards had synced it.
    const seeded = new HubService({ dataDir: `${dir.path}/hub`, municipality: 'e2e' });
    seedMunicipality(seeded, new Date());
    seeded.close();
    const port = await freePort();
    const redirectUrl = `http://127.0.0.1:${port}/auth/callback`;
    const provider = await startProvider(redirectUrl);
    const hub = await TavlaProcess.start({
      role: 'hub',
      municipality: 'e2e',
      data: `${dir.path}/hub`,
      args: ['--leader-port', String(port), '--leader-host', '127.0.0.1', '--oidc-issuer', provider.issuer, '--oidc-client-id', CLIENT.id, '--oidc-client-secret', CLIENT.secret, '--oidc-redirect-url', redirectUrl],
    });
    await use({ leaderUrl: hub.leaderUrl, provider });
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('hub-log', { body: hub.output, contentType: 'text/plain' });
    await hub.stop();
    await provider.close();
    dir.remove();
  },
});

test('a unit leader signs in at the provider, sees her unit only, and signs out', async ({ page, signIn }, testInfo) => {
  await page.goto(signIn.leaderUrl);
  await expect(page).toHaveURL(new RegExp(`^${signIn.provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill('marit');
  await page.locator('input[name="password"]').fill('synthetic');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  await expect(page).toHaveURL(signIn.leaderUrl);
  await expect(page.getByText('Logget inn som Marit Solberg')).toBeVisible();
  const table = page.getByRole('tabpanel').getByRole('table').first();
  await expect(table).toContainText('Solsiden sykehjem');
  await expect(table).not.toContainText('Fjellro korttid');
  await page.screenshot({ path: testInfo.outputPath('leader-signed-in.png'), fullPage: true });

  await page.getByRole('link', { name: 'Logg ut' }).click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('heading', { name: 'Du er logget ut' })).toBeVisible();
  // The API is closed to this browser again.
  const after = await page.request.post(`${signIn.leaderUrl}api/leader.capacity`, { data: {} });
  expect(after.status()).toBe(401);
});

test('a signed-in person without a Tavla role is told so in bokmål', async ({ page, signIn }) => {
  await page.goto(signIn.leaderUrl);
  await page.locator('input[name="login"]').fill('per');
  await page.locator('input[name="password"]').fill('synthetic');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Ingen tilgang til Tavla' })).toBeVisible();
  await expect(page.getByText(/Du er logget inn som Per Hansen/)).toBeVisible();
});
