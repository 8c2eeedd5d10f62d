// Hostile links: the hash of the lesson and the query of embed.html, filled with scripts,
// javascript: URLs, NaN, 1e308, huge strings, unknown ids and repeated keys. Each gets a clamp
// or a Spanish message: never a dialog, an injected element, an uncaught error or a blank page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowser } from './support/harness.mjs';
import { HOSTILE_QUERY_VALUES, HOSTILE_VALUES, injected } from './support/hostile.mjs';

const ctx = useBrowser();
const q = (pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

/** The frame is not blank: ready with the section drawn, or an error that says why. */
async function notBlank(page, what) {
  const state = await page.evaluate(() => {
    const status = document.getElementById('app-status');
    const visible = [...document.querySelectorAll('section.section')].filter((s) => !s.hidden);
    return {
      app: document.documentElement.dataset.app,
      message: status.hidden ? '' : status.textContent,
      sections: visible.length,
      drawn: Object.values(window.activaciones?.charts ?? {}).some((c) =>
        c.data.datasets.some((d) => d.data.length > 0),
      ),
    };
  });
  if (state.app === 'ready') assert.ok(state.sections > 0 && state.drawn, `${what}: drawn`);
  else {
    assert.equal(state.app, 'error', what);
    assert.match(state.message, /[áéíóúñ¿]|No hay|Falta/, `${what}: a Spanish message`);
  }
}

async function openChecked(file, hash, what, dialogs) {
  const page = await ctx.open(hash, { file });
  page.on('dialog', (d) => {
    dialogs.push(`${what}: ${d.message()}`);
    d.dismiss();
  });
  const baseline = file ? 1 : 1; // boot.js only: everything else loads as modules
  const found = await injected(page);
  assert.equal(found.handlers, 0, `${what}: no injected element`);
  assert.equal(found.dataUrls, 0, `${what}: no javascript: or data: link`);
  assert.ok(found.scripts <= baseline + 2, `${what}: ${found.scripts} scripts`);
  await notBlank(page, what);
  assert.deepEqual(await page.problems(), [], what);
  return page;
}

describe('hostile links', () => {
  test('embed.html: hostile targets get a Spanish message', async () => {
    const dialogs = [];
    let cases = 0;
    for (const [i, value] of HOSTILE_QUERY_VALUES.entries()) {
      // Every value as the function; the first few as the section and the lab too.
      for (const key of i < 8 ? ['fn', 'section', 'lab'] : ['fn']) {
        const page = await openChecked(
          `embed.html?${q([[key, value]])}`,
          '',
          `${key}=${value.slice(0, 20)}`,
          dialogs,
        );
        await page.close();
        cases += 1;
      }
    }
    assert.deepEqual(dialogs, []);
    assert.ok(cases >= 40);
  });

  test('embed.html: hostile state, flags and repeated keys are clamped or ignored', async () => {
    const dialogs = [];
    for (const value of HOSTILE_VALUES) {
      const keys = [
        'alpha',
        'zmin',
        'zmax',
        'z',
        'sat',
        'deriv',
        'controls',
        'formulas',
        'hide',
        'id',
        'figura',
      ];
      const page = await openChecked(
        `embed.html?fn=elu&${q(keys.map((k) => [k, value.slice(0, 200)]))}`,
        '',
        `state=${value.slice(0, 20)}`,
        dialogs,
      );
      // Still a working chart: the slider moves and redraws.
      const alpha = page.locator('#elu input[name="alpha"]');
      if (await alpha.isVisible()) {
        await alpha.focus();
        await page.keyboard.press('ArrowRight');
      }
      await page.close();
    }
    // (With section= too, section= would choose and fn= be its state: see embed.test.mjs.)
    const repeated = await openChecked(
      'embed.html?fn=elu&fn=relu&alpha=2&alpha=3',
      '',
      'repeated keys',
      dialogs,
    );
    assert.equal(await repeated.locator('#elu input[name="alpha"]').inputValue(), '2');
    assert.match(await repeated.locator('#app-notice').innerText(), /«fn=relu»: repetido/);
    await repeated.close();
    // As a teacher may write it: a decimal comma, and fn= beside section=.
    const typed = await openChecked(
      'embed.html?section=elu&fn=relu&alpha=2,5',
      '',
      'typed',
      dialogs,
    );
    assert.equal(await typed.locator('#elu input[name="alpha"]').inputValue(), '2.5');
    assert.equal(
      await typed
        .locator('#app-notice li')
        .allInnerTexts()
        .then((t) => t.join(' | ')),
      '«fn=relu»: no existe; fn= muestra una función sola, y no va con section= ni lab=',
    );
    await typed.close();
    assert.deepEqual(dialogs, []);
  });

  test('the note about a bad link stays in sight at the section it opens, and Cerrar hands the keyboard there', async () => {
    const page = await ctx.open('#elu?elu.alpha=999&elu.nope=1');
    const notice = page.locator('#app-notice');
    await page.waitForFunction(
      () => document.getElementById('elu').getBoundingClientRect().top < 200,
    );
    assert.match(await notice.innerText(), /«elu\.nope=1»: no existe/);
    const box = await notice.boundingBox();
    assert.ok(
      box && box.y >= 0 && box.y + box.height <= 900,
      `in the window: ${JSON.stringify(box)}`,
    );
    await notice.getByRole('button', { name: 'Cerrar' }).click();
    assert.equal(await notice.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'elu');
    assert.ok(
      await page.evaluate(() => document.getElementById('elu').getBoundingClientRect().top < 200),
    );
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('while the note is open, Tab never lands on a control it covers; a link with state keeps Tab at its section', async () => {
    const page = await ctx.open('#elu?elu.alpha=999');
    const notice = page.locator('#app-notice');
    await page.waitForFunction(
      () => document.getElementById('elu').getBoundingClientRect().top < 200,
    );
    // The first Tab goes into the linked section, not to the skip link at the top.
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.getElementById('elu').contains(document.activeElement)),
      await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120)),
    );
    const covered = [];
    for (let i = 0; i < 60; i++) {
      const hidden = await page.evaluate(() => {
        const note = document.getElementById('app-notice').getBoundingClientRect();
        const r = document.activeElement.getBoundingClientRect();
        return r.bottom > note.top &&
          r.top < note.bottom &&
          r.right > note.left &&
          r.left < note.right
          ? document.activeElement.textContent.trim().slice(0, 40) || document.activeElement.name
          : null;
      });
      if (hidden !== null) covered.push(hidden);
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(() =>
          document.getElementById('app-notice').contains(document.activeElement),
        )
      )
        break;
    }
    assert.deepEqual(covered, []);
    await notice.getByRole('button', { name: 'Cerrar el aviso sobre el enlace' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.style.scrollPaddingBottom), '');
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the lesson’s hash: hostile values in every section are clamped or ignored', async () => {
    const dialogs = [];
    const page = await openChecked('', '#elu', 'lesson', dialogs);
    const keys = await page.evaluate(() =>
      [...document.querySelectorAll('section.section')].flatMap((s) =>
        [...s.querySelectorAll('input[name], select[name]')].map((c) => `${s.id}.${c.name}`),
      ),
    );
    for (const value of HOSTILE_VALUES) {
      const hash = `#entrenamiento?${q(keys.map((k) => [k, value]))}`;
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.waitForTimeout(50);
      const found = await injected(page);
      assert.equal(found.handlers + found.dataUrls, 0, value.slice(0, 20));
      await notBlank(page, `hash ${value.slice(0, 20)}`);
    }
    // A fresh load with a hostile hash, too.
    const fresh = await openChecked(
      '',
      `#softmax?softmax.logits=${encodeURIComponent('<script>alert(1)</script>')}&softmax.t=1e308`,
      'fresh hash',
      dialogs,
    );
    assert.ok(await fresh.locator('#app-notice').isVisible());
    await fresh.close();
    assert.deepEqual(await page.problems(), []);
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('the lesson’s hash: hostile anchors and a gallery card’s hostile state', async () => {
    const dialogs = [];
    // The anchor picks which lab is built first and which card opens first.
    for (const value of HOSTILE_QUERY_VALUES.slice(0, 12)) {
      const page = await openChecked(
        '',
        `#${encodeURIComponent(value)}?otras-funciones.celu.alpha=2`,
        `anchor ${value.slice(0, 20)}`,
        dialogs,
      );
      assert.equal(await page.locator('#funcion-celu input[name="alpha"]').inputValue(), '2');
      await page.close();
    }
    // A «%» that starts no escape, as a hand-cut link may carry.
    for (const raw of ['%', '%E0%A4%A', '%zz']) {
      const typo = await openChecked('', `#${raw}?otras-funciones.celu.alpha=2`, raw, dialogs);
      assert.equal(await typo.locator('#funcion-celu input[name="alpha"]').inputValue(), '2');
      assert.match(await typo.locator('#app-notice').innerText(), /no hay nada con ese nombre/);
      await typo.close();
    }
    const page = await openChecked('', '#funcion-celu', 'card', dialogs);
    const keys = await page
      .locator('#funcion-celu')
      .evaluate((card) =>
        [...card.querySelectorAll('input[name]')].map((c) => `otras-funciones.celu.${c.name}`),
      );
    assert.ok(keys.includes('otras-funciones.celu.alpha'), keys.join());
    for (const value of HOSTILE_VALUES) {
      await page.evaluate(
        (h) => {
          location.hash = h;
        },
        `#funcion-celu?${q(keys.map((k) => [k, value]))}`,
      );
      await page.waitForTimeout(50);
      const found = await injected(page);
      assert.equal(found.handlers + found.dataUrls, 0, value.slice(0, 20));
      await notBlank(page, `card hash ${value.slice(0, 20)}`);
    }
    // Still a working card: the slider moves and the chart follows.
    const before = await page.locator('#funcion-celu [data-lab-card]').getAttribute('data-renders');
    await page.locator('#funcion-celu input[name="alpha"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) => document.querySelector('#funcion-celu [data-lab-card]').dataset.renders !== n,
      before,
    );
    assert.deepEqual(await page.problems(), []);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});
