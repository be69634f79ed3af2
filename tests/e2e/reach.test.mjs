// Reach: the screen's text version (the DOM mirror screen readers browse), read from Chromium's own
// accessibility tree, and used the way a screen reader would (activating its controls); the display
// preferences (UI scale, high contrast) kept across visits; the "Accessibilité" page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, axTree, activate } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const mirrorH1 = (app) => app.page.evaluate(() => document.querySelector('#mirror h1')?.textContent);

test('the text version follows the screen, in the accessibility tree, and its controls work', async () => {
  const app = await openApp(browser, { width: 1100, height: 850 });
  try {
    let tree = await axTree(app);
    const region = tree.find((n) => n.role === 'region');
    assert.equal(region?.name, "Version texte de l'écran");
    const h1 = tree.filter((n) => n.role === 'heading' && n.level === 1);
    assert.equal(h1.length, 1, 'one page title');
    const buttons = tree.filter((n) => n.role === 'button').map((n) => n.name);
    const widgets = await app.widgets();
    const card = widgets.find((w) => w.id === 'welcome.candidate');
    assert.ok(buttons.includes(card.label), `the candidate card is a button: ${buttons.join(' | ')}`);
    assert.ok(buttons.includes(widgets.find((w) => w.id === 'welcome.coach').label));
    assert.ok(tree.some((n) => n.role === 'heading' && n.level === 2), 'section headings');
        const texts = await app.page.evaluate(() => document.getElementById('mirror').textContent);
    assert.match(texts, /Données locales/);

    // A screen reader "clicks" the card: the app moves on, the text version follows, focus lands on
    // the new screen's title.
    const welcomeTitle = await mirrorH1(app);
    await activate(app, 'welcome.candidate');
    assert.equal((await app.state()).screen, 'candidate');
    const candidateTitle = await mirrorH1(app);
    assert.ok(candidateTitle && candidateTitle !== welcomeTitle, `${welcomeTitle} → ${candidateTitle}`);
    const focused = await app.page.evaluate(() => document.activeElement?.tagName);
    assert.equal(focused, 'H1', 'focus follows to the new screen');

    // Fields show their value as typed in the canvas, and are editable fields of their own.
    await activate(app, 'step.questionnaire');
    await app.type('/identity/first_name', 'Élodie');
    // What a screen reader announces while typing on the canvas: the field's own label.
    assert.equal(await app.page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Prénom');
    tree = await axTree(app);
    const field = tree.find((n) => n.role === 'textbox' && n.name === 'Prénom');
    assert.ok(field, `a textbox named Prénom: ${tree.filter((n) => n.role === 'textbox').map((n) => n.name).join(', ')}`);
    // (Chromium's tree gives an input's value to the screen reader from the DOM property.)
    assert.equal(await app.page.evaluate(() => document.querySelector('#mirror [data-id="/identity/first_name"]').value), 'Élodie');
    await app.page.focus('#mirror [data-id="/identity/last_name"]');
    await app.page.keyboard.type('Nguyễn', { delay: 15 });
    await app.settle(250);
    assert.equal((await app.state()).candidate.answers.identity.last_name, 'Nguyễn');
    assert.equal(await app.page.evaluate(() => document.querySelector('#mirror [data-id="/identity/last_name"]').value), 'Nguyễn');

    // Radio buttons and check boxes carry their state.
    await activate(app, '/identity/status/contractuel');
    tree = await axTree(app);
    const radio = tree.find((n) => n.role === 'radio' && n.checked === 'true');
    assert.ok(radio, 'the chosen status is a checked radio button');
    assert.equal((await app.state()).candidate.answers.identity.status, 'contractuel');

    // The text version speaks the language the app speaks.
    await activate(app, 'lang.switch');
    tree = await axTree(app);
    assert.equal(tree.find((n) => n.role === 'region')?.name, 'Text version of the screen');
    assert.ok(tree.some((n) => n.role === 'textbox' && n.name === 'First name'));
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(await app.cspViolations(), []);
  } finally {
    await app.close();
  }
});

test('the accessibility page: display settings kept across visits, the host contact placeholder', async () => {
  const app = await openApp(browser, { width: 1100, height: 850 });
  try {
    const before100 = (await app.widgets()).find((w) => w.id === 'lang.switch');
    await app.click('nav.accessibility');
    let s = await app.state();
    assert.equal(s.screen, 'accessibility');
    assert.match(await app.page.evaluate(() => document.title), /^Accessibilité/);
    const text = await app.page.evaluate(() => document.getElementById('mirror').textContent);
    assert.match(text, /Ce qui ne fonctionne pas/);
    assert.match(text, /non auditée/);
    assert.match(text, /config\.js/, 'no contact configured: the page says where the host sets it');

    await app.click('access.contrast');
    await app.click('access.scale.150');
    s = await app.state();
    assert.deepEqual(s.prefs, { ui_scale: 150, high_contrast: true, text_version: false });
    await app.shot('reach-01-accessibility-contrast-150');
    await app.click('access.back');
    assert.equal((await app.state()).screen, 'welcome');

    // Reopened: the same size and contrast, and everything is drawn 1.5 times larger.
    await app.page.reload();
    await app.page.waitForFunction(() => window.certif && window.certif.stats().frames_rendered > 0);
    await app.settle();
    s = await app.state();
    assert.deepEqual(s.prefs, { ui_scale: 150, high_contrast: true, text_version: false });
    const after150 = (await app.widgets()).find((w) => w.id === 'lang.switch');
    assert.ok(Math.abs(after150.h / before100.h - 1.5) < 0.08, `button height ${before100.h} → ${after150.h}`);
    assert.ok(Math.abs(after150.w / before100.w - 1.5) < 0.12, `button width ${before100.w} → ${after150.w}`);
  } finally {
    await app.close();
  }
});
