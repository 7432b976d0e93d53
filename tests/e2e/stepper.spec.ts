import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { axeViolations, switchTheme } from './checks/a11y';
import type { Locator, Page } from '@playwright/test';
import { test, expect, LANGS } from './fixtures';
import { parseScenario, runScenario } from '../../src/tcp';
import { stepperData } from '../../src/diagrams/stepper/steps';

/**
 * The handshake diagram of lesson 2 as the model steps it (drawn with the default props: its set-up folded
 * into one step), so the counts below follow the model rather than being written out.
 */
const HANDSHAKE = 'content/scenarios/handshake.json';
const trace = runScenario(parseScenario(JSON.parse(readFileSync(HANDSHAKE, 'utf8')), HANDSHAKE));
const MODEL = { en: stepperData(trace, 'en'), zh: stepperData(trace, 'zh') };
const total = MODEL.en.steps.length;
// The stepper step (from 1) at which the SYN reaches the server, which enters SYN_RECEIVED.
const rings = MODEL.en.steps.findIndex((s) => s.states.server === 'SYN_RECEIVED') + 1;

/** The words the tests look for, per language (the same as src/i18n); the numbers come from the model. */
const T = {
  en: {
    controls: 'Step through the diagram',
    next: 'Next',
    back: 'Back',
    restart: 'Restart',
    projector: 'Projector mode',
    leave: 'Leave projector mode',
    step: (n: number) => `Step ${n} of ${total}:`,
    rings: 'The server’s phone rings.',
    dials: 'The client dials the number.',
    start: `Before the first of ${total} steps.`,
  },
  zh: {
    controls: '逐步演示这张图',
    next: '下一步',
    back: '上一步',
    restart: '从头开始',
    projector: '投影模式',
    leave: '退出投影模式',
    step: (n: number) => `第 ${n} 步，共 ${total} 步：`,
    rings: '服务器的电话响了。',
    dials: '客户端拨出号码。',
    start: `共 ${total} 步，尚未开始。`,
  },
};

const lessonUrl = (lang: string) => `${lang}/three-way-handshake/`;

/** The lesson's first scenario diagram (the handshake), once its stepper has loaded. */
async function handshake(page: Page, lang: 'zh' | 'en'): Promise<Locator> {
  const figure = page.locator('figure[data-stepper]').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByRole('group', { name: T[lang].controls })).toBeVisible();
  return figure;
}

for (const lang of LANGS) {
  test(`${lang}: steps a scenario diagram forward and back by keyboard`, async ({ page }) => {
    const t = T[lang];
    await page.goto(lessonUrl(lang));
    const figure = await handshake(page, lang);
    // Before any step the whole diagram shows: nothing is faded.
    await expect(figure.locator('svg .step-future')).toHaveCount(0);
    const live = figure.locator('[aria-live="polite"]');
    const next = figure.getByRole('button', { name: t.next, exact: true });
    await next.focus();
    // The figure embeds the steps the model gives.
    expect(
      await figure
        .locator('svg [data-step]')
        .evaluateAll((els) => [...new Set(els.map((e) => Number((e as HTMLElement).dataset.step)))]),
    ).toEqual(MODEL[lang].steps.map((s) => s.step));
    for (let i = 0; i < rings; i++) await page.keyboard.press('ArrowRight');
    await expect(live).toContainText(t.step(rings));
    await expect(live).toContainText(t.rings);
    // The SYN reaches the server: its arrow is the current step, the ones after it are still to come.
    const step = (n: number) => MODEL[lang].steps[n - 1]!;
    const [dialled, now, after] = [step(rings - 1), step(rings), step(rings + 1)];
    await expect(figure.locator(`svg [data-step="${now.step}"].step-now`).first()).toBeVisible();
    await expect(figure.locator('svg line.step-now')).toHaveCount(1);
    await expect(figure.locator(`svg [data-step="${after.step}"]`).first()).toHaveClass(/step-future/);
    await expect(figure.locator('tr[data-side="server"] td').first()).toHaveText('SYN_RECEIVED');
    // The client's SND.NXT after its SYN.
    await expect(figure.locator('tr[data-side="client"] td').nth(2)).toHaveText(String(now.vars.client![1]));
    await page.keyboard.press('ArrowLeft');
    await expect(live).toContainText(t.step(rings - 1));
    await expect(live).toContainText(t.dials);
    await expect(figure.locator(`svg [data-step="${dialled.step}"].step-now`).first()).toBeVisible();
    await expect(figure.locator(`svg [data-step="${now.step}"]`).first()).toHaveClass(/step-future/);
    await figure.getByRole('button', { name: t.restart }).click();
    await expect(live).toContainText(t.start);
    await expect(figure.getByRole('button', { name: t.back })).toHaveAttribute('aria-disabled', 'true');
    // The table twin stays.
    await expect(figure.locator('details.diagram-table table')).toHaveCount(1);
  });

  test(`${lang}: axe finds nothing in a stepped diagram, light and dark`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(lessonUrl(lang));
    const figure = await handshake(page, lang);
    await figure.getByRole('button', { name: T[lang].next, exact: true }).click();
    await figure.getByRole('button', { name: T[lang].next, exact: true }).click();
    await expect(figure.locator('[aria-live="polite"]')).toContainText(T[lang].step(2));
    expect(await axeViolations(page, { include: ['figure[data-stepper]'] }), 'light').toEqual([]);
    await switchTheme(page, 'dark');
    expect(await axeViolations(page, { include: ['figure[data-stepper]'] }), 'dark').toEqual([]);
  });

  test(`${lang}: projector mode at 1920×1080 has large type and is driven by keyboard`, async ({ page }) => {
    const t = T[lang];
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(lessonUrl(lang));
    const figure = await handshake(page, lang);
    const toggle = figure.getByRole('button', { name: t.projector, exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(figure).toHaveClass(/projector-on/);
    await expect(figure.getByRole('button', { name: t.leave })).toBeFocused();
    // Full screen arrives a frame or more after the class: the box grows when the browser has switched.
    await expect
      .poll(async () => (await figure.boundingBox())!.width, 'full-screen width')
      .toBeGreaterThanOrEqual(1900);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const live = figure.locator('[aria-live="polite"]');
    await expect(live).toContainText(t.step(2));
    await page.keyboard.press('ArrowLeft');
    await expect(live).toContainText(t.step(1));
    const sizes = await figure.evaluate((el) => {
      const svg = el.querySelector('svg')!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const svgText = Math.min(
        ...[...svg.querySelectorAll('text')]
          .filter((x) => (x.textContent ?? '').trim() !== '')
          .map((x) => parseFloat(getComputedStyle(x).fontSize) * scale),
      );
      const html = Math.min(
        ...[...el.querySelectorAll('.stepper p, .stepper td, .stepper th, .stepper button, figcaption')]
          .filter((x) => (x.textContent ?? '').trim() !== '' && x.getClientRects().length > 0)
          .map((x) => parseFloat(getComputedStyle(x).fontSize)),
      );
      return { svgText, html };
    });
    expect(sizes.svgText).toBeGreaterThanOrEqual(28);
    expect(sizes.html).toBeGreaterThanOrEqual(28);
    await page.keyboard.press('Escape');
    await expect(figure).not.toHaveClass(/projector-on/);
    await expect(figure.getByRole('button', { name: t.projector, exact: true })).toBeFocused();
    // Leaving full screen is asynchronous: the browser ends it a moment after the class is gone.
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null), 'full screen left').toBe(true);
  });
}

test('lesson JavaScript on load stays under 3 KB in one page script; the stepper loads near a diagram, in one chunk', async ({
  page,
}) => {
  const bodies = new Map<string, Buffer>();
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    reads.push(response.body().then((body) => void bodies.set(response.url(), body)));
  });
  // A lesson whose first scenario diagram is well below the first screen.
  await page.goto('en/four-way-close/');
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  // Counted as `npm run bench` counts "JS gz on load": each script file requested, gzipped on its own.
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  const sizes = (test: RegExp) => [...bodies].filter(([url]) => test.test(url)).map(([, body]) => gz(body));
  const onLoad = sizes(/./).reduce((a, b) => a + b, 0);
  console.log(`lesson page JS on load: ${onLoad} B gzip in ${bodies.size} file(s)`);
  // Every island's loader lives in the one page script (src/islands/page.ts): one request, not one each.
  expect([...bodies.keys()]).toEqual([expect.stringMatching(/\/Base\.astro_astro_type_script[^/]*\.js$/)]);
  // The budget for all JavaScript on load (npm run bench holds it on every lesson page).
  expect(onLoad).toBeLessThanOrEqual(3 * 1024);
  expect(sizes(/\/element\.[^/]*\.js$/), 'the search box code waits for the reader').toEqual([]);
  expect(sizes(/stepper\.[^/]*\.js$/)).toEqual([]);
  await page.locator('figure[data-stepper]').first().scrollIntoViewIfNeeded();
  await expect(page.getByRole('group', { name: 'Step through the diagram' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  // The stepper and projector mode arrive as one chunk (src/islands/island-chunks.ts).
  const stepper = sizes(/\/(stepper|projector)\.[^/]*\.js$/);
  console.log(`stepper script with projector mode: ${stepper.join(' + ')} B gzip`);
  expect(stepper).toHaveLength(1);
  expect(stepper[0]).toBeLessThanOrEqual(2 * 1024);
});

test('an off-screen diagram skips layout at load and holds about its drawn height; html.draw-all draws it', async ({
  page,
}) => {
  await page.goto('en/four-way-close/');
  const figure = page.locator('figure.diagram').last();
  const look = () =>
    figure.evaluate((el) => ({
      visibility: getComputedStyle(el).contentVisibility,
      height: el.getBoundingClientRect().height,
      // Whether the browser skips the SVG's rendering (asked without forcing its layout).
      skipped: !el.querySelector('svg')!.checkVisibility({ contentVisibilityAuto: true }),
    }));
  const before = await look();
  expect(before.visibility).toBe('auto');
  expect(before.skipped, 'skipped while off screen').toBe(true);
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await look()).skipped).toBe(false);
  // The held height counts the stepper's controls, which its script adds once the figure comes near: measure
  // the figure as the reader gets it, controls included (on a busy machine the script can come after the SVG).
  await expect(figure.locator('.stepper:not([hidden])')).toBeVisible();
  const drawn = await look();
  console.log(`off-screen figure: ${before.height} px held, ${drawn.height} px drawn`);
  // The placeholder (SVG height + 6rem) is within a tenth of the drawn figure, so the page barely shifts.
  expect(Math.abs(drawn.height - before.height)).toBeLessThanOrEqual(drawn.height * 0.1);
  await page.evaluate(() => document.documentElement.classList.add('draw-all'));
  expect((await look()).visibility).toBe('visible');
});
