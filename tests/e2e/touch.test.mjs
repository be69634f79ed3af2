// Touch screens: a tap is a click where the finger lands (a slight wobble included), a text field
// tapped takes the keyboard focus within the gesture, and a one-finger drag scrolls the content under
// the finger instead of pressing what it started on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const width = 900, height = 600;

async function tap(app, id) {
  const w = await app.widget(id);
  await app.page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
  await app.settle();
  return w;
}

// One finger through `points` ([x, y] in CSS pixels), as a touch screen reports it.
async function drag(app, cdp, points) {
  const at = ([x, y]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]) });
  for (const p of points.slice(1)) {
    await app.page.waitForTimeout(16);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
  }
  await app.page.waitForTimeout(16);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await app.settle();
}

function line(from, to, steps) {
  return Array.from({ length: steps + 1 }, (_, i) => [from[0] + (to[0] - from[0]) * i / steps, from[1] + (to[1] - from[1]) * i / steps]);
}

test('taps press buttons and focus text fields; a drag scrolls without pressing anything', async () => {
  const app = await openApp(browser, { width, height, contextOptions: { hasTouch: true } });
  try {
    const cdp = await app.context.newCDPSession(app.page);
    assert.equal(await app.page.evaluate(() => getComputedStyle(document.getElementById('canvas')).touchAction), 'none',
      'no browser pan or zoom on the canvas');

    await tap(app, 'welcome.candidate');
    assert.equal((await app.state()).screen, 'candidate');
    await tap(app, 'step.questionnaire');

    // A text field tapped: the hidden textarea takes the focus while the tap is still being handled
    // (what mobile browsers require to show their keyboard), and typed text reaches the field.
    await app.page.evaluate(() => {
      window.__focusAtTouchEnd = null;
      window.addEventListener('pointerup', () => { window.__focusAtTouchEnd = document.activeElement && document.activeElement.id; });
    });
    await tap(app, '/identity/first_name');
    assert.equal(await app.page.evaluate(() => window.__focusAtTouchEnd), 'text-input', 'focused within the tap');
    assert.equal(await app.page.evaluate(() => document.activeElement.id), 'text-input');
    await app.page.keyboard.insertText('Hélène');
    await app.settle(250);
    assert.equal((await app.state()).candidate.answers.identity.first_name, 'Hélène');
    await app.shot('touch-01-field');

    // A tap whose finger wobbles a few pixels is still a tap.
    const radio = await app.widget('/identity/status/contractuel');
    const c = [radio.x + radio.w / 2, radio.y + radio.h / 2];
    await drag(app, cdp, [c, [c[0] + 3, c[1] + 2], [c[0] + 4, c[1] - 2]]);
    assert.equal((await app.state()).candidate.answers.identity.status, 'contractuel');

    // A drag upwards scrolls the questionnaire by the finger's travel; what it started on stays untouched.
    const answersBefore = JSON.stringify((await app.state()).candidate.answers);
    const probe = (await app.widgets()).filter((w) => w.visible !== false && w.y > 250 && w.y < 450)[0];
    assert.ok(probe, 'a widget in the middle of the screen');
    const start = [width / 2, 480], end = [width / 2, 180];
    await drag(app, cdp, line(start, end, 15));
    const moved = (await app.widgets()).find((w) => w.id === probe.id);
    const travel = probe.y - moved.y;
    assert.ok(Math.abs(travel - 300) <= 6, `the content followed the finger: ${probe.id} moved up ${travel} px, not 300`);
    assert.equal(JSON.stringify((await app.state()).candidate.answers), answersBefore, 'nothing pressed by the drag');
    assert.equal((await app.state()).screen, 'candidate');
    await app.shot('touch-02-scrolled');

    // ...and back down.
    await drag(app, cdp, line(end, start, 15));
    const back = (await app.widgets()).find((w) => w.id === probe.id);
    assert.ok(Math.abs(back.y - probe.y) <= 6, `scrolled back: ${probe.id} at ${back.y}, was ${probe.y}`);
    assert.equal(JSON.stringify((await app.state()).candidate.answers), answersBefore, 'nothing pressed by the drag');

    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.console, []);
  } finally { await app.close(); }
});
