// The capture replay page in both languages: an example loads with one click, a real pcap opens through the
// file input, tcpdump text is pasted, the replay steps by keyboard with both ends' states and the departure
// explained, a broken file gives its message, and axe finds nothing with a connection shown.
import { readFileSync } from 'node:fs';
import { axeViolations, switchTheme } from './checks/a11y';
import { en, type UiKey } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { test, expect, LANGS } from './fixtures';

const STRINGS: Record<'en' | 'zh', Record<UiKey, string>> = { en, zh };
/** The text of a UI string up to its first placeholder: enough to find it on the page. */
const head = (s: string) => s.slice(0, s.indexOf('{') < 0 ? undefined : s.indexOf('{')).trim();

for (const lang of LANGS) {
  const L = STRINGS[lang];

  test(`${lang}: examples, a pcap file, pasted text, stepping and a broken file`, async ({ page }) => {
    await page.goto(`${lang}/capture/`);
    const island = page.locator('capture-replay');
    await expect(island.locator('.capture-body')).toBeVisible();
    await expect(island).toContainText(L['capture.private']);
    const status = island.getByRole('status');
    const list = island.locator('.capture-list tbody tr');
    const figure = island.locator('figure[data-stepper]');

    // An example: the server closed with the client's line unread, and its RST is explained.
    await island.getByRole('button', { name: L['capture.sample.close-unread-rst'], exact: true }).click();
    await expect(status).toContainText('close-unread-rst.pcap');
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText(L['capture.end.reset'].replace('{side}', L['capture.side.server']));
    await expect(figure.locator('svg .sim-ladder-arrow')).toHaveCount(9);
    await expect(island.locator('.capture-departures li').last()).toContainText(L['capture.departure.unread-rst']);

    // Step by keyboard, as on a lesson diagram: the state table and the live region follow.
    const next = figure.getByRole('button', { name: L['diagram.step.next'], exact: true });
    await expect(next).toBeVisible();
    await next.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const live = figure.locator('.stepper-say');
    await expect(live).toContainText(
      L['capture.step.states'].replace('{client}', 'ESTABLISHED').replace('{server}', 'ESTABLISHED'),
    );
    await expect(figure.locator('tr[data-side="client"] td').first()).toHaveText('ESTABLISHED');
    // The third segment's sender has sent its SYN and the ACK: SND.NXT is 1, relative to its ISN.
    await expect(figure.locator('tr[data-side="client"] td').nth(2)).toHaveText('1');
    // The current segment and the state change it caused are highlighted; the rest of the run has faded.
    await expect(figure.locator('svg .sim-ladder-arrow.step-now')).toHaveText(/^ACK seq=1 ack=1/);
    await expect(figure.locator('svg .sim-ladder-note.step-now')).toHaveText('→ ESTABLISHED');
    await expect(figure.locator('svg .sim-ladder-arrow.step-future')).toHaveCount(6);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(live).toContainText(head(L['capture.departure.unread-rst']));
    await expect(figure.locator('tr[data-side="server"] td').first()).toHaveText('CLOSED');
    await page.keyboard.press('ArrowLeft');
    await expect(live).not.toContainText(head(L['capture.departure.unread-rst']));

    // One theme per language keeps the test short; every-page.spec.ts checks the empty page in both.
    const scheme = lang === 'zh' ? 'dark' : 'light';
    await test.step(`axe, ${scheme}, with a connection shown and stepped`, async () => {
      await switchTheme(page, scheme);
      expect(await axeViolations(page, { include: ['main'] })).toEqual([]);
    });

    // A real pcap through the file input.
    await island.locator('input[type="file"]').setInputFiles('content/captures/half-close.pcap');
    await expect(status).toContainText('half-close.pcap');
    await expect(status).toContainText(L['capture.format.pcap']);
    await expect(island.locator('.capture-segments tbody tr')).toHaveCount(10);
    await expect(island.locator('.capture-segments tbody')).toContainText('FIN_WAIT_2');

    // Pasted tcpdump text gives the same connection as its pcap.
    await island.getByLabel(L['capture.paste']).fill(readFileSync('content/captures/handshake-data-close.txt', 'utf8'));
    await island.getByRole('button', { name: L['capture.read'], exact: true }).click();
    await expect(status).toContainText(L['capture.format.tcpdump']);
    await expect(island.locator('.capture-segments tbody tr')).toHaveCount(10);
    await expect(list.first()).toContainText(L['capture.end.closed'].replace('{side}', L['capture.side.client']));

    // A pcap cut inside its first packet: the message names the file and what is wrong, and nothing is listed.
    const pcap = readFileSync('content/captures/connection-refused.pcap');
    await island.locator('input[type="file"]').setInputFiles({
      name: 'cut.pcap',
      mimeType: 'application/vnd.tcpdump.pcap',
      buffer: pcap.subarray(0, 50),
    });
    const alert = island.getByRole('alert');
    await expect(alert).toContainText('cut.pcap');
    await expect(alert).toContainText(
      head(L['capture.error.truncated'].replace('{name}', '').replace('{kind}', L['capture.kind.pcap'])),
    );
    await expect(island.locator('.capture-list')).toBeHidden();
    await expect(island.locator('.capture-conn')).toBeHidden();
  });
}

// A page opened from disk (file://) cannot start a worker: the same reader then runs on the page's thread.
test('where no worker can start, the page reads the capture itself', async ({ page }) => {
  await page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new DOMException('no workers here', 'SecurityError');
      }
    } as unknown as typeof Worker;
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('en/capture/');
  const island = page.locator('capture-replay');
  await island.getByRole('button', { name: en['capture.sample.half-close'], exact: true }).click();
  await expect(island.getByRole('status')).toContainText('half-close.pcap');
  await expect(island.locator('figure[data-stepper] svg .sim-ladder-arrow')).toHaveCount(10);
  await expect(island.locator('.capture-segments tbody')).toContainText('FIN_WAIT_2');
  expect(workers).toEqual([]);
});
