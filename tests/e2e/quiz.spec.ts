import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { axeViolations } from './checks/a11y';
import { wakeIslands } from './checks/offline';
import { test, expect, LANGS } from './fixtures';

/** The texts the tests look for, per language (the same as the lesson and src/i18n). */
const T = {
  en: {
    right: 'So that each side hears the other confirm its initial sequence number.',
    wrong: 'So that the client can send its first data in the third segment.',
    wrongFeedback: 'a bare ACK completes the handshake',
    multi: ['The server’s kernel', 'Its acknowledgement number is', 'Its sequence number is'],
    check: 'Check',
    retry: 'Try again',
    correct: 'Correct',
    incorrect: 'Not quite',
    showAnswer: 'Show answer',
    savedRight: 'You answered this correctly before.',
    score: (c: number, t: number) => `${c} of ${t} right`,
    offByOne: 'Off by one',
    answerLabel: 'Your answer',
    moveUp: (item: string) => `Move “${item}” up`,
    moveDown: (item: string) => `Move “${item}” down`,
    done: 'Done',
    client: 'Client',
    server: 'Server',
    calls: 'Program calls',
    timers: 'Timers',
    deliver: 'Deliver next segment',
    drop: 'Drop next segment',
    acceptBeforeListen: 'accept() needs a listening socket: call listen() first',
    connected: 'Both ends are ESTABLISHED',
    closed: 'Both ends are CLOSED',
    retransmit: 'Retransmission timer fires',
    timeWait: 'TIME_WAIT timer fires',
    resent: 'again (retransmission)',
  },
  zh: {
    right: '为了让双方都听到对方确认自己的初始序号。',
    wrong: '为了让客户端在第三个报文段里发出第一批数据。',
    wrongFeedback: '一个不带数据的 ACK 就能完成握手',
    multi: ['服务器内核自行发出它', '它的确认号是客户端的 ISN 加一', '它的序号是服务器自己的初始序号'],
    check: '检查答案',
    retry: '再试一次',
    correct: '正确',
    incorrect: '不太对',
    showAnswer: '查看答案',
    savedRight: '这道题你之前答对了。',
    score: (c: number, t: number) => `答对 ${c} 题，共 ${t} 题`,
    offByOne: '差了 1',
    answerLabel: '你的答案',
    moveUp: (item: string) => `上移“${item}”`,
    moveDown: (item: string) => `下移“${item}”`,
    done: '已完成',
    client: '客户端',
    server: '服务器',
    calls: '程序调用',
    timers: '计时器',
    deliver: '送达下一个报文段',
    drop: '丢掉下一个报文段',
    acceptBeforeListen: 'accept() 需要一个正在监听的套接字：先调用 listen()',
    connected: '两端都是 ESTABLISHED',
    closed: '两端都是 CLOSED',
    retransmit: '重传计时器到期',
    timeWait: 'TIME_WAIT 计时器到期',
    resent: '（超时重传）',
  },
} as const;

/** axe WCAG 2.2 A/AA violations inside the quiz islands (the page itself is every-page.spec.ts's job). */
const axeIslands = (page: Page) => axeViolations(page, { include: ['.quiz', '.sim'] });

const lessonUrl = (lang: string) => `${lang}/three-way-handshake/`;
const question = (page: Page, id: string) => page.locator(`[data-quiz-id="${id}"]`);
/** How many questions the lesson page asks. */
const questionCount = (page: Page) => page.locator('.quiz[data-quiz-id]').count();

/**
 * The lesson's number questions other than hs-ack-of-synack, each answered as the client ISN of the
 * attempt plus this offset (lesson 2: the first data byte, then the ACK of `hello`).
 */
const CLIENT_ISN_PLUS: Record<string, number> = { 'hs-seq-first-data': 1, 'hs-ack-of-hello': 6 };

/** Answers, with the mouse, every question not yet answered right: choices from data-correct, numbers from the ISNs shown. */
async function answerTheRest(page: Page, lang: 'zh' | 'en', done: string[]) {
  const ids = await page
    .locator('.quiz[data-quiz-id]')
    .evaluateAll((qs) => qs.map((q) => (q as HTMLElement).dataset.quizId!));
  for (const id of ids.filter((i) => !done.includes(i))) {
    const q = await ready(page, id);
    const correct = await q.getAttribute('data-correct');
    if (correct !== null) {
      for (const option of correct.split(' ')) await q.locator(`input[value="${option}"]`).check();
    } else {
      const plus = CLIENT_ISN_PLUS[id];
      expect(plus, `how to answer ${id}`).toBeDefined();
      const isns = (await q.locator('.quiz-isns').textContent())!.match(/\d+/g)!.map(Number);
      await q.getByRole('textbox', { name: T[lang].answerLabel }).fill(String(isns[0]! + plus!));
    }
    await q.getByRole('button', { name: T[lang].check }).click();
    await expect(q.getByRole('status'), id).toContainText(T[lang].correct);
  }
}

/** Waits until an island's code has run (its buttons appear only then). */
async function ready(page: Page, id: string) {
  const q = question(page, id);
  await q.scrollIntoViewIfNeeded();
  await expect(q.locator('.quiz-actions')).toBeVisible();
  return q;
}

/** Solves the ordering question with the keyboard only: focus a Move up button, press Enter. */
async function solveOrder(page: Page, lang: 'zh' | 'en') {
  const q = await ready(page, 'hs-server-calls');
  const answer = (await q.getAttribute('data-answer'))!.split(' ');
  for (let target = 0; target < answer.length; target++) {
    for (;;) {
      const order = await q
        .locator('li[data-step]')
        .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.step));
      const at = order.indexOf(answer[target]);
      if (at === target) break;
      const li = q.locator(`li[data-step="${answer[target]}"]`);
      const text = (await li.locator('span').first().textContent())!.trim();
      await q.getByRole('button', { name: T[lang].moveUp(text) }).focus();
      await page.keyboard.press('Enter');
      // Focus stays on the moved step's Move up button, or, once the step is first and that button is
      // disabled, goes to its Move down button.
      const moveUp = q.getByRole('button', { name: T[lang].moveUp(text) });
      const top = at - 1 === 0;
      await expect(top ? q.getByRole('button', { name: T[lang].moveDown(text) }) : moveUp).toBeFocused();
    }
  }
  await q.getByRole('button', { name: T[lang].check }).focus();
  await page.keyboard.press('Enter');
  await expect(q.getByRole('status')).toContainText(T[lang].correct);
}

for (const lang of LANGS) {
  const L = T[lang];

  test(`${lang}: a choice question gives feedback, and progress survives reload and a language switch`, async ({
    page,
  }) => {
    await page.goto(lessonUrl(lang));
    const q = await ready(page, 'hs-why-three');
    await q.getByRole('radio', { name: L.wrong }).check();
    await q.getByRole('button', { name: L.check }).click();
    await expect(q.getByRole('status')).toContainText(L.incorrect);
    await expect(q.getByText(L.wrongFeedback)).toBeVisible();
    // The chosen option's feedback describes its radio once shown; the explanation is the answer's second part.
    await expect(q.getByRole('radio', { name: L.wrong })).toHaveAccessibleDescription(new RegExp(L.wrongFeedback));
    await expect(q.locator('details > div').nth(1)).toBeVisible();
    await expect(q.getByRole('status')).toBeFocused();

    await q.getByRole('button', { name: L.retry }).click();
    await expect(q.getByRole('radio', { name: L.right })).not.toBeChecked();
    await q.getByRole('radio', { name: L.right }).check();
    await q.getByRole('button', { name: L.check }).click();
    await expect(q.getByRole('status')).toContainText(L.correct);

    const summary = page.locator('quiz-summary');
    await summary.scrollIntoViewIfNeeded();
    const total = await questionCount(page);
    expect(total).toBeGreaterThanOrEqual(5);
    await expect(summary).toContainText(L.score(1, total));

    await page.reload();
    await ready(page, 'hs-why-three');
    await expect(question(page, 'hs-why-three').getByRole('status')).toHaveText(L.savedRight);

    const other = lang === 'zh' ? 'en' : 'zh';
    await page.goto(lessonUrl(other));
    await page.locator('quiz-summary').scrollIntoViewIfNeeded();
    await expect(page.locator('quiz-summary')).toContainText(T[other].score(1, total));
  });

  test(`${lang}: keyboard only, every question type, and the lesson is marked done`, async ({ page }) => {
    await page.goto(lessonUrl(lang));
    // Single choice: focus the group, arrow keys select, Enter on Check.
    const single = await ready(page, 'hs-why-three');
    await single.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3 && !(await single.getByRole('radio', { name: L.right }).isChecked()); i++)
      await page.keyboard.press('ArrowDown');
    await expect(single.getByRole('radio', { name: L.right })).toBeChecked();
    await single.getByRole('button', { name: L.check }).focus();
    await page.keyboard.press('Enter');
    await expect(single.getByRole('status')).toContainText(L.correct);

    // Multiple choice: Space toggles each checkbox.
    const multi = await ready(page, 'hs-synack-facts');
    for (const name of L.multi) {
      await multi.getByRole('checkbox', { name: new RegExp(name) }).focus();
      await page.keyboard.press('Space');
    }
    await multi.getByRole('button', { name: L.check }).focus();
    await page.keyboard.press('Enter');
    await expect(multi.getByRole('status')).toContainText(L.correct);

    await solveOrder(page, lang);

    // Number: the ISNs are random; the answer is the client ISN + 1. First off by one, then right.
    const num = await ready(page, 'hs-ack-of-synack');
    const isns = (await num.locator('.quiz-isns').textContent())!.match(/\d+/g)!.map(Number);
    expect(isns).toHaveLength(2);
    const input = num.getByRole('textbox', { name: L.answerLabel });
    await input.fill(String(isns[0]!));
    await page.keyboard.press('Enter');
    await expect(num.getByRole('status')).toContainText(L.offByOne);
    await num.getByRole('button', { name: L.retry }).click();
    const fresh = (await num.locator('.quiz-isns').textContent())!.match(/\d+/g)!.map(Number);
    await input.fill(String(fresh[0]! + 1));
    await page.keyboard.press('Enter');
    await expect(num.getByRole('status')).toContainText(L.correct);

    // Predict the state: the model says SYN_RECEIVED.
    const state = await ready(page, 'hs-state-after-syn');
    await state.getByRole('radio', { name: 'SYN_RECEIVED' }).focus();
    await page.keyboard.press('Space');
    await state.getByRole('button', { name: L.check }).focus();
    await page.keyboard.press('Enter');
    await expect(state.getByRole('status')).toContainText(L.correct);

    const total = await questionCount(page);
    await page.locator('quiz-summary').scrollIntoViewIfNeeded();
    await expect(page.locator('quiz-summary')).toContainText(L.score(5, total));
    await answerTheRest(page, lang, [
      'hs-why-three',
      'hs-synack-facts',
      'hs-server-calls',
      'hs-ack-of-synack',
      'hs-state-after-syn',
    ]);
    await expect(page.locator('quiz-summary')).toContainText(L.score(total, total));
    expect(await axeIslands(page), 'answered quizzes pass axe').toEqual([]);
    const navItem = page.locator('li[data-lesson="three-way-handshake"] .lesson-done').first();
    await expect(navItem).toHaveText(`✓ ${L.done}`);
    await page.goto(`${lang}/socket-phone/`);
    await expect(page.locator('li[data-lesson="three-way-handshake"] .lesson-done').first()).toHaveText(`✓ ${L.done}`);
  });

  test(`${lang}: the simulator completes a handshake and a close, and explains an illegal move`, async ({ page }) => {
    await page.goto(lessonUrl(lang));
    const sim = page.locator('phone-sim');
    await sim.scrollIntoViewIfNeeded();
    const client = sim.getByRole('group', { name: `${L.client}: ${L.calls}`, exact: false }).first();
    const server = sim.getByRole('group', { name: `${L.server}: ${L.calls}`, exact: false }).first();
    const status = sim.getByRole('status');
    await expect(client.getByRole('button', { name: 'connect()' })).toBeVisible();

    await server.getByRole('button', { name: 'socket()' }).click();
    await server.getByRole('button', { name: 'accept()' }).click();
    await expect(status).toContainText(L.acceptBeforeListen);
    await server.getByRole('button', { name: 'bind()' }).click();
    await server.getByRole('button', { name: 'listen()' }).click();
    await client.getByRole('button', { name: 'socket()' }).click();
    await client.getByRole('button', { name: 'connect()' }).click();
    // Lose the SYN, let the client's timer send it again.
    await sim.getByRole('button', { name: L.drop }).click();
    await sim
      .getByRole('group', { name: `${L.client}: ${L.timers}` })
      .getByRole('button', { name: L.retransmit })
      .click();
    await expect(status).toContainText(L.resent);
    for (let i = 0; i < 3; i++) await sim.getByRole('button', { name: L.deliver }).click();
    await expect(status).toContainText(L.connected);
    await server.getByRole('button', { name: 'accept()' }).click();
    await expect(sim.locator('.sim-end[data-side="client"] [data-state]')).toHaveText('ESTABLISHED');

    await client.getByRole('button', { name: 'close()' }).click();
    await sim.getByRole('button', { name: L.deliver }).click();
    await sim.getByRole('button', { name: L.deliver }).click();
    await expect(sim.locator('.sim-end[data-side="server"] [data-state]')).toHaveText('CLOSE_WAIT');
    await server.getByRole('button', { name: 'close()' }).click();
    await sim.getByRole('button', { name: L.deliver }).click();
    await expect(sim.locator('.sim-end[data-side="client"] [data-state]')).toHaveText('TIME_WAIT');
    await sim.getByRole('button', { name: L.deliver }).click();
    await sim
      .getByRole('group', { name: `${L.client}: ${L.timers}` })
      .getByRole('button', { name: L.timeWait })
      .click();
    await expect(status).toContainText(L.closed);
    await expect(sim.locator('.sim-segments tbody tr')).toHaveCount(8);
    expect(await axeIslands(page), 'the simulator after a whole call passes axe').toEqual([]);
  });
}

test('corrupt saved progress is ignored, and answering replaces it', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hello-tcp:quiz', '{"v":1,"q":{"hs-why-three":"garbage"},"lessons":7');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(lessonUrl('en'));
  const q = await ready(page, 'hs-why-three');
  await expect(q.locator('.quiz-result')).toHaveText('');
  await q.getByRole('radio', { name: T.en.right }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toContainText('Correct');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-tcp:quiz') ?? 'null'));
  expect(saved.v).toBe(1);
  expect(saved.q['hs-why-three']).toMatchObject({ ok: true, n: 1 });
});

test('without JavaScript every answer can still be read', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonUrl('en'));
  const q = page.locator('[data-quiz-id="hs-why-three"]');
  // The options can be read, and their feedback waits for a check that cannot happen.
  await expect(q.getByRole('radio', { name: T.en.right })).toBeVisible();
  await expect(q.getByText(T.en.wrongFeedback)).toBeHidden();
  await q.getByText('Show answer').click();
  await expect(q.locator('details')).toContainText(T.en.right);
  const num = page.locator('[data-quiz-id="hs-ack-of-synack"]');
  await expect(num.locator('.quiz-isns')).toHaveText('Client ISN = 100, server ISN = 300.');
  await num.getByText('Show answer').click();
  await expect(num.locator('details > div').first()).toContainText('101');
  await expect(page.locator('quiz-summary .quiz')).toBeHidden();
  await expect(q.getByRole('button', { name: 'Check' })).toBeHidden();
  await expect(page.getByText('The simulator needs JavaScript.')).toBeVisible();
  await context.close();
});

test('a number question loads the TCP model only once its field is used, and says so when the model cannot load', async ({
  page,
}) => {
  // Lesson 4 has a number question and no simulator, so nothing else there asks for the model.
  const model = /\/model\.[^/]*\.js$/;
  const asked: string[] = [];
  page.on('request', (request) => {
    if (model.test(new URL(request.url()).pathname)) asked.push(request.url());
  });
  await page.route(model, (route) => route.abort('aborted'));
  await page.goto('en/state-machine/');
  expect(await wakeIslands(page, { onUse: false })).toContain('quiz-number');
  const q = await ready(page, 'sm-simopen-synack-seq');
  await page.waitForLoadState('networkidle');
  expect(asked, 'the model before the field is used').toEqual([]);

  // Typing starts the download; a check that finds the model missing says so and grades nothing.
  await q.getByRole('textbox', { name: T.en.answerLabel }).fill('12345');
  await expect.poll(() => asked.length, 'the model fetched once the field has focus').toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(q.getByRole('status')).toHaveText(/could not be checked/);
  await expect(q).not.toHaveAttribute('data-state');

  // Once the model can load, the same Check grades the answer (the server's SYN+ACK carries its own ISN).
  await page.unroute(model);
  const isns = (await q.locator('.quiz-isns').textContent())!.match(/\d+/g)!.map(Number);
  await q.getByRole('textbox', { name: T.en.answerLabel }).fill(String(isns[1]));
  await q.getByRole('button', { name: T.en.check }).click();
  await expect(q.getByRole('status')).toContainText(T.en.correct);
  await expect(q.locator('details > div').first()).toHaveText(`Answer: ${isns[1]}`);
});

// The islands' budget, as npm run bench holds it on every page: 18 KB gzip once every island that loads as the reader
// scrolls has loaded, each script file requested counted gzipped on its own. Code that loads only when the reader
// uses something is not in it, as the bench does not count it: the search box, the simulator (src/simulator/
// loader.ts: its code, the TCP model and its words, at the first press in it), a number question's model (at the
// first focus in its field), the challenges after a first move, a shared run. What the simulator adds once pressed
// is weighed after, and printed.
test('the JavaScript a lesson page loads as the reader scrolls stays under 18 KB gzip, the simulator adds its own on first use', async ({
  page,
}) => {
  const bodies = new Map<string, Buffer>();
  const reads: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    // Read each body while the page is alive, and wait for every read before adding them up.
    reads.push(response.body().then((body) => void bodies.set(response.url(), body)));
  };
  page.on('response', onResponse);
  await page.goto(lessonUrl('en'));
  // Every island's code fetched and run (the score panel's too, which loads once it nears the viewport),
  // then nothing more on the wire: only then is the count whole.
  const tags = await wakeIslands(page, { onUse: false });
  expect(tags).toEqual(expect.arrayContaining(['quiz-choice', 'quiz-order', 'quiz-number', 'quiz-summary']));
  // The step-through diagrams' code too (figures are not custom elements: bring one near the viewport).
  await page.locator('figure[data-stepper]').first().scrollIntoViewIfNeeded();
  await expect(page.locator('figure[data-stepper] .stepper').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  // The simulator's words come as a module of their own (labels-en.*.js, src/i18n/bundled-labels.ts): text, not
  // code, weighed apart.
  const isLabels = (url: string) => /\/labels-\w+\.[\w-]+\.js$/.test(url);
  const gzipped = (pick: (url: string) => boolean) =>
    [...bodies].filter(([url]) => pick(url)).reduce((sum, [, body]) => sum + gzipSync(body, { level: 9 }).length, 0);
  const scrolled = gzipped((url) => !isLabels(url));
  const scrolledFiles = new Set(bodies.keys());
  expect(scrolledFiles.size).toBeGreaterThan(3);
  expect(
    [...scrolledFiles].some((url) => /\/model\.[\w-]+\.js$/.test(url)),
    'the TCP model before any use',
  ).toBe(false);
  // The simulator in use: its code, the model and its words arrive.
  await page.locator('phone-sim').dispatchEvent('pointerdown');
  await page.waitForFunction(() => customElements.get('phone-sim') !== undefined);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  await Promise.all(reads);
  const simCode = gzipped((url) => !scrolledFiles.has(url) && !isLabels(url));
  const labels = gzipped(isLabels);
  const inline = await page
    .locator('script:not([src]):not([type="application/json"])')
    .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
  const inlined = inline.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
  console.log(
    `lesson page JS as the reader scrolls: ${scrolledFiles.size} files ${scrolled} B gzip (budget 18432 B); the simulator once pressed adds ${simCode} B of code (the TCP model in it) and ${labels} B of words (budget 4096 B); inline in the HTML ${inlined} B gzip`,
  );
  expect(scrolled).toBeLessThanOrEqual(18 * 1024);
  expect(simCode).toBeGreaterThan(0);
  expect(labels).toBeGreaterThan(0);
  expect(labels).toBeLessThanOrEqual(4 * 1024);
});

test('the score panel retries what was missed and resets the lesson', async ({ page }) => {
  await page.goto(lessonUrl('en'));
  const multi = await ready(page, 'hs-synack-facts');
  await multi.getByRole('checkbox', { name: /only once the server program calls/ }).check();
  await multi.getByRole('button', { name: 'Check' }).click();
  await expect(multi.getByRole('status')).toContainText('Not quite');
  await expect(multi.getByText('accept() waits for a finished handshake')).toBeVisible();
  const summary = page.locator('quiz-summary');
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toContainText(`0 of ${await questionCount(page)} right`);
  await summary.getByRole('button', { name: 'Retry what I missed' }).click();
  await expect(multi.getByRole('checkbox').first()).toBeFocused();
  await expect(multi.getByRole('checkbox', { name: /only once the server program calls/ })).not.toBeChecked();
  await summary.getByRole('button', { name: 'Reset my answers' }).click();
  await expect(summary.getByRole('status')).toHaveText('Your answers to this lesson were cleared.');
  await expect(summary.locator('.quiz-score')).toHaveText('No answers yet.');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('hello-tcp:quiz') ?? 'null'));
  expect(saved.q).toEqual({});
});
