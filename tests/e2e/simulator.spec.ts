// The simulator page in both languages: every challenge completed by scripted play (found by role, as a
// reader would), undo, a shared link that replays, a hostile link refused, projector mode by keyboard, and
// axe with the simulator in use; and a lesson's simulator saving the challenges played in it.
import { axeViolations } from './checks/a11y';
import type { Locator, Page } from '@playwright/test';
import { en, type UiKey } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { CHALLENGE_IDS } from '../../src/simulator/challenges';
import { PLAYS } from '../unit/simulator/plays';
import { test, expect, LANGS } from './fixtures';

type Strings = Record<UiKey, string>;
const STRINGS: Record<'en' | 'zh', Strings> = { en, zh };
const simUrl = (lang: string, hash = '') => `${lang}/simulator/${hash}`;

/** Plays `tokens` (the share format: `s.socket,c.connect,d,h,x,c.retransmit`) by pressing the buttons. */
async function play(sim: Locator, L: Strings, tokens: string): Promise<void> {
  for (const token of tokens.split(',').filter(Boolean)) {
    const net = { d: L['sim.deliver'], h: L['sim.hold'], x: L['sim.drop'] }[token];
    if (net) {
      await sim.getByRole('button', { name: net, exact: true }).click();
      continue;
    }
    const [s, name] = token.split('.') as [string, string];
    const side = s === 'c' ? L['sim.client'] : L['sim.server'];
    const timer = (L as Record<string, string | undefined>)[`sim.timer.${name}`];
    const group = sim.getByRole('group', { name: `${side}: ${timer ? L['sim.timers'] : L['sim.calls']}`, exact: true });
    await group.getByRole('button', { name: timer ?? `${name}()`, exact: true }).click();
  }
}

/** Resolves once `<phone-sim>` is defined: its code and labels have arrived, and every simulator has started. */
const simReady = (page: Page) => page.waitForFunction(() => customElements.get('phone-sim') !== undefined);

/** The simulator page, its island started (it loads at once there, shown by the page script before). */
async function open(page: Page, lang: 'zh' | 'en', hash = ''): Promise<Locator> {
  await page.goto(simUrl(lang, hash));
  const sim = page.locator('phone-sim');
  await expect(sim.locator('.sim-body')).toBeVisible();
  await simReady(page);
  return sim;
}

const state = (sim: Locator, side: string) => sim.locator(`.sim-end[data-side="${side}"] [data-state]`);
const arrows = (sim: Locator) => sim.locator('svg.sim-ladder .sim-ladder-arrow');

// Each test presses dozens of buttons, and every press runs the model over the whole run again.
test.describe.configure({ timeout: 120_000 });

for (const lang of LANGS) {
  const L = STRINGS[lang];

  test(`${lang}: every challenge completes by scripted play, is saved and shows in the lesson list`, async ({
    page,
  }) => {
    const sim = await open(page, lang);
    const status = sim.getByRole('status');
    for (const id of CHALLENGE_IDS) {
      await sim.getByRole('button', { name: L['sim.reset'], exact: true }).click();
      await play(sim, L, PLAYS[id]!);
      const item = sim.getByRole('listitem').filter({ hasText: L[`sim.challenge.${id}`] });
      await expect(item).toContainText(L['sim.challenge.done']);
      await expect(status).toContainText(L['sim.challenge.completed'].replace('{title}', L[`sim.challenge.${id}`]));
    }
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-tcp:quiz') ?? 'null'));
    expect([...saved.sim].sort()).toEqual([...CHALLENGE_IDS].sort());
    await page.goto(`${lang}/`);
    const total = String(CHALLENGE_IDS.length);
    await expect(page.locator('.lesson-sim-progress')).toHaveText(
      L['sim.progress'].replace('{done}', total).replace('{total}', total),
    );
  });

  test(`${lang}: the ladder grows, undo steps back, and restart from here folds the past`, async ({ page }) => {
    const sim = await open(page, lang);
    await play(sim, L, 's.socket,s.bind,s.listen,c.socket,c.connect');
    await expect(arrows(sim)).toHaveCount(1);
    await expect(sim.locator('.sim-ladder-inFlight')).toContainText('SYN');
    await expect(sim.locator('.sim-end[data-side="client"] [data-phone]')).toHaveText(L['sim.phone.SYN_SENT']);
    await play(sim, L, 'd');
    await expect(sim.locator('.sim-ladder-delivered')).toHaveCount(1);
    await expect(state(sim, 'server')).toHaveText('SYN_RECEIVED');
    await expect(sim.locator('.sim-end[data-side="server"] [data-phone]')).toHaveText(L['sim.phone.SYN_RECEIVED']);
    await sim.getByRole('button', { name: L['sim.undo'], exact: true }).click();
    await expect(state(sim, 'server')).toHaveText('LISTEN');
    await expect(sim.locator('.sim-ladder-delivered')).toHaveCount(0);
    await expect(sim.locator('.sim-ladder-inFlight')).toHaveCount(1);
    await expect(sim.getByRole('status')).toHaveText(L['sim.undone']);
    await play(sim, L, 'x');
    await expect(sim.locator('.sim-ladder-lost')).toContainText('SYN');
    await sim.getByRole('button', { name: L['sim.restartHere'], exact: true }).click();
    await expect(sim.locator('.sim-ladder-note').first()).toHaveText(L['diagram.trace.folded']);
    await expect(arrows(sim)).toHaveCount(0);
    expect(await axeViolations(page, { include: ['.sim'] })).toEqual([]);
  });

  test(`${lang}: a shared link replays the run`, async ({ page }) => {
    const sim = await open(page, lang);
    await play(sim, L, PLAYS['three-segment-close']!);
    const labels = await arrows(sim).allTextContents();
    await sim.getByRole('button', { name: L['sim.share'], exact: true }).click();
    const link = await sim.getByRole('textbox', { name: L['sim.share.label'] }).inputValue();
    expect(link).toMatch(/\/simulator\/#run=1,\d+,\d+,s\.socket,/);
    await page.goto('about:blank');
    await page.goto(link);
    await expect(sim.getByRole('status')).toHaveText(
      L['sim.share.loaded'].replace('{n}', String(PLAYS['three-segment-close']!.split(',').length)),
    );
    await expect(arrows(sim)).toHaveText(labels);
    await expect(state(sim, 'client')).toHaveText('TIME_WAIT');
    await expect(state(sim, 'server')).toHaveText('CLOSED');
  });

  test(`${lang}: a challenge completed in a lesson's simulator is saved and counted in the lesson list`, async ({
    page,
  }) => {
    await page.goto(`${lang}/three-way-handshake/`);
    const sim = page.locator('phone-sim');
    await sim.scrollIntoViewIfNeeded();
    await expect(sim.locator('.sim-body')).toBeVisible();
    await play(sim, L, PLAYS.refused!);
    await expect(sim.getByRole('status')).toContainText(
      L['sim.challenge.completed'].replace('{title}', L['sim.challenge.refused']),
    );
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-tcp:quiz') ?? 'null'));
    expect(saved.sim).toEqual(['refused']);
    await expect(page.locator('.lesson-sim-progress')).toHaveText(
      L['sim.progress'].replace('{done}', '1').replace('{total}', String(CHALLENGE_IDS.length)),
    );
  });

  test(`${lang}: a lesson's simulator is drawn before its code, which loads with its labels on first use and plays an early press once`, async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.split('/').at(-1)!);
    });
    // The island's code is held back until the reader has chosen a role and pressed a button.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/sim\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${lang}/three-way-handshake/`);
    const sim = page.locator('phone-sim');
    await sim.scrollIntoViewIfNeeded();
    const end = (side: string) => sim.locator(`.sim-end[data-side="${side}"]`);
    // What the server drew: both ends CLOSED and idle, the reader the client, the ladder's two ends; no labels.
    await expect(end('client').locator('[data-role]')).toHaveText(L['sim.you']);
    await expect(end('server').locator('[data-role]')).toHaveText(L['sim.otherEnd']);
    for (const side of ['client', 'server']) {
      await expect(state(sim, side)).toHaveText('CLOSED');
      await expect(end(side).locator('[data-phone]')).toHaveText(L['sim.phone.idle']);
    }
    await expect(sim.locator('svg.sim-ladder .sim-ladder-actor')).toHaveText([
      L['diagram.trace.client'],
      L['diagram.trace.server'],
    ]);
    await expect(sim.locator('script')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(
      scripts.filter((s) => /^(sim|labels-)/.test(s)),
      'simulator code fetched before any use',
    ).toEqual([]);

    await sim.getByRole('radio', { name: L['sim.server'] }).check();
    await sim
      .getByRole('group', { name: `${L['sim.server']}: ${L['sim.calls']}`, exact: true })
      .getByRole('button', { name: 'socket()', exact: true })
      .click();
    // Projector mode has its own script (src/projector/loader.ts): its button works at once, and is not pressed again.
    await sim.getByRole('button', { name: L['projector.enter'], exact: true }).click();
    await expect(sim).toHaveClass(/projector-on/);
    expect(
      await page.evaluate(() => customElements.get('phone-sim')),
      'defined before the code arrived',
    ).toBeUndefined();
    release();
    await simReady(page);
    await expect(sim).toHaveClass(/projector-on/);
    // The press was played once, and the role chosen before counts.
    await expect(sim.locator('.sim-log li')).toHaveText([
      L['sim.call.ok'].replace('{side}', L['sim.server']).replace('{call}', 'socket'),
    ]);
    await expect(end('server').locator('[data-role]')).toHaveText(L['sim.you']);
    await expect(end('client').locator('[data-role]')).toHaveText(L['sim.otherEnd']);
    const other = lang === 'zh' ? 'en' : 'zh';
    expect(scripts).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^labels-${lang}\\.`))]));
    expect(
      scripts.filter((s) => s.startsWith(`labels-${other}.`)),
      "the other language's labels",
    ).toEqual([]);
  });

  test(`${lang}: projector mode at 1920×1080 has large type and is driven by keyboard`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const sim = await open(page, lang);
    await play(sim, L, 's.socket,s.bind,s.listen,c.socket,c.connect');
    const enter = sim.getByRole('button', { name: STRINGS[lang]['projector.enter'], exact: true });
    await enter.focus();
    await page.keyboard.press('Enter');
    await expect(sim).toHaveClass(/projector-on/);
    await expect(sim.getByRole('button', { name: L['projector.exit'], exact: true })).toBeFocused();
    // Full screen arrives a frame or more after the class: the box grows when the browser has switched.
    await expect.poll(async () => (await sim.boundingBox())!.width, 'full-screen width').toBeGreaterThanOrEqual(1900);
    // → delivers the SYN, ← takes it back.
    await page.keyboard.press('ArrowRight');
    await expect(state(sim, 'server')).toHaveText('SYN_RECEIVED');
    await page.keyboard.press('ArrowLeft');
    await expect(state(sim, 'server')).toHaveText('LISTEN');
    await page.keyboard.press('ArrowRight');
    await expect(sim.locator('.sim-ladder-delivered')).toHaveCount(1);
    const sizes = await sim.evaluate((el) => {
      const svg = el.querySelector('svg.sim-ladder') as SVGSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const shown = (x: Element) => (x.textContent ?? '').trim() !== '' && x.getClientRects().length > 0;
      const svgText = Math.min(
        ...[...svg.querySelectorAll('text')].filter(shown).map((x) => parseFloat(getComputedStyle(x).fontSize) * scale),
      );
      const html = Math.min(
        ...[...el.querySelectorAll('p, li, label, legend, button, strong, span, td, th')]
          .filter((x) => shown(x) && !x.closest('svg'))
          .map((x) => parseFloat(getComputedStyle(x).fontSize)),
      );
      return { svgText, html };
    });
    expect(sizes.svgText).toBeGreaterThanOrEqual(28);
    expect(sizes.html).toBeGreaterThanOrEqual(28);
    expect(await axeViolations(page, { include: ['.sim'] })).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(sim).not.toHaveClass(/projector-on/);
    await expect(enter).toBeFocused();
  });

  test(`${lang}: a hostile link shows a message and an empty simulator`, async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    const sim = await open(page, lang, '#run=1,1,1,s.socket,<img src=x onerror=alert(1)>');
    await expect(sim.getByRole('status')).toHaveText(L['sim.share.bad'].replace('{why}', L['sim.share.bad.move']));
    await expect(state(sim, 'server')).toHaveText('CLOSED');
    await expect(arrows(sim)).toHaveCount(0);
    await expect(page.locator('phone-sim img')).toHaveCount(0);
    await page.goto(simUrl(lang, `#run=1,99999999999,1`));
    await expect(sim.getByRole('status')).toHaveText(L['sim.share.bad'].replace('{why}', L['sim.share.bad.isn']));
    expect(dialogs).toBe(0);
    expect(await axeViolations(page, { include: ['.sim'] })).toEqual([]);
  });
}
