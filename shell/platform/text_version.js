// The screen's text version in the page (C++ half: src/platform/text_version.cpp): every heading, text,
// field and button the canvas shows, in drawing order, kept in a visually hidden region that screen
// readers browse. Its buttons, check boxes and radios act on the canvas's own widgets; its text fields
// are real, editable fields (caret, selection, IME, paste, undo, spell-check come with them) kept in
// sync both ways with the canvas field. Nothing in it is ever parsed as HTML.

mergeInto(LibraryManager.library, {
  $CertifMirror__deps: ['$CertifPlatform'],
  $CertifMirror: {
    root: null,
    serial: 0,   // ids for the hint and error elements fields point to (aria-describedby)

    render: function(m) {
      var M = CertifMirror;
      var root = M.root || (M.root = document.getElementById('mirror'));
      if (!root) return;
      root.setAttribute('aria-label', m.label);
      M.skipLinks(m.skip);
      // Consecutive pieces of one line ('t') read as one paragraph. Groups (a fieldset and its legend)
      // nest; what a modal dialog shows goes into a dialog of its own, after the page (not in its middle).
      var page = [], items = page, open = [], dialog = null;
      var context = function() {  // the legend controls are named after, if a group around asks for it
        for (var k = open.length - 1; k >= 0; --k) if (open[k].qualify) return open[k].text;
        return '';
      };
      for (var i = 0; i < m.items.length; ++i) {
        var it = m.items[i];
        if (it[0] === 'dialog' || it[0] === 'group') {
          var box = {tag: it[0], text: it[1], qualify: it[2] === 1, items: [], parent: items};
          if (it[0] === 'dialog') dialog = box; else items.push(box);
          open.push(box);
          items = box.items;
          continue;
        }
        if (it[0] === '/dialog' || it[0] === '/group') {
          if (open.length) items = open.pop().parent;
          continue;
        }
        var last = items[items.length - 1];
        if (it[0] === 't' && last && last.tag === 'p' && last.inline) last.text += ' ' + it[1];
        else if (it[0] === 'w') items.push({tag: 'w', kind: it[1], id: it[2], text: it[3], enabled: it[4], value: it[5], checked: it[6], hint: it[7] || '', error: it[8] || '', context: context()});
        else items.push({tag: it[0] === 't' ? 'p' : it[0], inline: it[0] === 't', text: it[1]});
      }
      items = M.group(page, m);
      if (dialog) items.push(dialog);
      var active = document.activeElement;
      var focusedId = root.contains(active) ? (active.getAttribute('data-id') || '') : null;
      var oldTitle = root.querySelector('h1');
      oldTitle = oldTitle ? oldTitle.textContent : null;
      var hadDialog = !!root.querySelector('[role="dialog"]');
      M.fill(root, items);
      M.activeDescendant(root, m.focus || '');
      // Just shown as the page: the reader starts at its title.
      if (M.focusTitle) {
        M.focusTitle = false;
        var top = root.querySelector('h1');
        if (top && !root.contains(document.activeElement)) { top.focus({preventScroll: true}); return; }
      }
      // A dialog that opens takes the focus (its first control), as a modal dialog does.
      var opened = root.querySelector('[role="dialog"]');
      if (opened && !hadDialog && focusedId !== null) {
        var first = opened.querySelector('[data-id]');
        if (first) { first.focus({preventScroll: true}); return; }
      }
      // A screen reader user who acted in the text version stays there: on the same control if it
      // still exists and the screen's title did not change, else on the new title (screen or step).
      if (focusedId !== null) {
        var same = focusedId ? root.querySelector('[data-id="' + CSS.escape(focusedId) + '"]') : null;
        var title = root.querySelector('h1');
        var target = same && (!title || title.textContent === oldTitle) ? same : (title || same);
        if (target && document.activeElement !== target) target.focus({preventScroll: true});
      }
    },

    // The widget the keyboard focus ring is on, on the canvas: its control here is the canvas's active
    // descendant (the canvas keeps DOM focus and the keys), so a screen reader reads its role, name and
    // state as Tab and the arrows move.
    activeDescendant: function(root, id) {
      var canvas = CertifPlatform.canvas;
      if (!canvas) return;
      var ctl = id ? root.querySelector('[data-id="' + CSS.escape(id) + '"]') : null;
      var want = ctl ? ctl.id : '';
      if ((canvas.getAttribute('aria-activedescendant') || '') === want) return;
      if (want) canvas.setAttribute('aria-activedescendant', want); else canvas.removeAttribute('aria-activedescendant');
    },

    // The page's skip links (index.html): their words in the interface's language, and where they go:
    // the text version's title, or its first field (outside the step bar), the title when it has none.
    skipLinks: function(words) {
      var nav = document.getElementById('skip');
      if (!nav || !words) return;
      var links = nav.querySelectorAll('a[data-skip]');
      if (nav.getAttribute('aria-label') !== words[0]) nav.setAttribute('aria-label', words[0]);
      for (var i = 0; i < links.length && i + 1 < words.length; ++i) {
        if (links[i].textContent !== words[i + 1]) links[i].textContent = words[i + 1];
      }
      if (nav.wired) return;
      nav.wired = true;
      nav.addEventListener('click', function(e) {
        var a = e.target.closest ? e.target.closest('a[data-skip]') : null;
        var root = CertifMirror.root;
        if (!a || !root) return;
        e.preventDefault();
        var title = root.querySelector('h1');
        var field = null;
        var fields = root.querySelectorAll('input, textarea');
        for (var k = 0; k < fields.length && !field; ++k) if (!fields[k].closest('nav')) field = fields[k];
        var target = a.getAttribute('data-skip') === 'field' ? (field || title) : title;
        if (target) target.focus();
      });
    },

    // Makes `container`'s children show `items`, keeping the elements that still fit (focus, caret).
    fill: function(container, items) {
      var M = CertifMirror;
      for (var k = 0; k < items.length; ++k) {
        var d = items[k];
        var sig = d.tag + '|' + (d.kind || '') + '|' + (d.id || '');
        var el = container.children[k];
        if (!el || el.getAttribute('data-sig') !== sig) {
          var made = M.make(d);
          made.setAttribute('data-sig', sig);
          if (el) container.replaceChild(made, el); else container.appendChild(made);
          el = made;
        }
        M.update(el, d);
      }
      while (container.children.length > items.length) container.removeChild(container.lastChild);
    },

    // The candidate's step bar (consecutive "step.*" buttons) becomes one list, the current step marked.
    group: function(items, m) {
      var out = [];
      for (var i = 0; i < items.length; ++i) {
        var d = items[i];
        var isStep = d.tag === 'w' && d.id.indexOf('step.') === 0;
        if (!isStep) { out.push(d); continue; }
        d.current = d.id === m.step;
        var last = out[out.length - 1];
        if (last && last.tag === 'steps') last.steps.push(d);
        else out.push({tag: 'steps', text: m.steps_label || '', steps: [d]});
      }
      return out;
    },

    steps: function(el, d) {
      var M = CertifMirror;
      var ol = el.querySelector('ol');
      el.setAttribute('aria-label', d.text);
      for (var i = 0; i < d.steps.length; ++i) {
        var s = d.steps[i];
        var li = ol.children[i];
        if (!li || li.getAttribute('data-sig') !== s.id) {
          var made = document.createElement('li');
          made.setAttribute('data-sig', s.id);
          made.appendChild(M.make(s));
          if (li) ol.replaceChild(made, li); else ol.appendChild(made);
          li = made;
        }
        var b = li.firstChild;
        M.update(b, s);
        if (s.current) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current');
      }
      while (ol.children.length > d.steps.length) ol.removeChild(ol.lastChild);
    },

    // Its controls are reachable by screen readers' browse mode, not in the canvas's Tab order; while it
    // is shown as the page, they are the page's Tab order.
    tabIndex: function() { return document.documentElement.classList.contains('text-version') ? 0 : -1; },

    // The element that carries data-id (what activation and focus find).
    control: function(d) {
      var kind = d.kind;
      if (kind === 'button' || kind === 'card' || kind === 'tab' || kind === 'header') {
        var b = document.createElement('button');
        b.type = 'button';
        return b;
      }
      if (kind === 'checkbox' || kind === 'radio') {
        var c = document.createElement('input');
        c.type = kind;
        return c;
      }
      if (kind === 'input' || kind === 'combo') {
        var t = document.createElement('input');
        t.type = 'text';
        t.readOnly = kind === 'combo';   // a list to choose from: opened on the canvas
        return t;
      }
      if (kind === 'textarea') return document.createElement('textarea');
      if (kind === 'password') {   // a passphrase: typed, never shown (the canvas sends no value back)
        var pw = document.createElement('input');
        pw.type = 'password';
        pw.autocomplete = 'off';
        return pw;
      }
      return null;
    },

    // A text field typed into: its whole value goes to the canvas field (after an IME composition ends).
    // While the canvas has not answered, the value typed stays as it is (see update).
    editable: function(ctl) {
      var send = function() {
        ctl.pending = true;
        CertifPlatform.withString(ctl.getAttribute('data-id'), function(id) {
          CertifPlatform.withString(ctl.value, function(v) { Module['_certif_on_edit'](id, v); });
        });
      };
      ctl.addEventListener('input', function(e) { if (!e.isComposing) send(); });
      ctl.addEventListener('compositionend', send);
      ctl.addEventListener('blur', function() { ctl.pending = false; });
    },

    make: function(d) {
      if (d.tag === 'dialog') {
        var box = document.createElement('div');
        box.setAttribute('role', 'dialog');
        box.setAttribute('aria-modal', 'true');
        var h = document.createElement('h2');
        h.id = 'mirror-dialog-title-' + (++CertifMirror.serial);
        box.setAttribute('aria-labelledby', h.id);
        box.appendChild(h);
        box.appendChild(document.createElement('div'));
        return box;
      }
      if (d.tag === 'group') {
        var set = document.createElement('fieldset');
        set.appendChild(document.createElement('legend'));
        set.appendChild(document.createElement('div'));
        return set;
      }
      if (d.tag === 'steps') {
        var nav = document.createElement('nav');
        nav.appendChild(document.createElement('ol'));
        return nav;
      }
      if (d.tag !== 'w') {
        var e = document.createElement(d.tag === 'h1' || d.tag === 'h2' ? d.tag : 'p');
        if (d.tag === 'h1') e.tabIndex = -1;  // where focus goes when the screen changes
        return e;
      }
      var ctl = CertifMirror.control(d);
      if (!ctl) return document.createElement('p');  // tables, images, timers: their label as text
      ctl.tabIndex = CertifMirror.tabIndex();
      ctl.setAttribute('data-id', d.id);
      ctl.id = 'mirror-control-' + (++CertifMirror.serial);  // what the canvas's aria-activedescendant names
      var text = ctl.tagName === 'TEXTAREA' || (ctl.tagName === 'INPUT' && (ctl.type === 'text' || ctl.type === 'password'));
      if (text && !ctl.readOnly) {
        CertifMirror.editable(ctl);
      } else {
        // Anything else acts on the canvas and keeps the user in the text version, where the result
        // will be read (a list to choose from opens on the canvas, where its keyboard focus goes).
        ctl.addEventListener('click', function(ev) {
          if (ev) ev.preventDefault();
          var P = CertifPlatform;
          if (d.kind === 'combo') (P.textActive ? P.textarea : P.canvas).focus({preventScroll: true});
          else ctl.focus({preventScroll: true});
          P.withString(ctl.getAttribute('data-id'), function(p) { Module['_certif_on_activate'](p); });
        });
      }
      if (ctl.tagName === 'BUTTON') return ctl;
      var label = document.createElement('label');
      var span = document.createElement('span');
      if (ctl.type === 'checkbox' || ctl.type === 'radio') { label.appendChild(ctl); label.appendChild(span); }
      else { label.appendChild(span); label.appendChild(ctl); }
      if (!text) return label;
      // A field's format hint and its error, read after its name (aria-describedby).
      var box = document.createElement('div');
      box.appendChild(label);
      var n = ++CertifMirror.serial;
      ['hint', 'error'].forEach(function(what) {
        var p = document.createElement('p');
        p.id = 'mirror-' + what + '-' + n;
        p.className = 'mirror-' + what;
        p.hidden = true;
        box.appendChild(p);
      });
      return box;
    },

    update: function(el, d) {
      if (d.tag === 'steps') {
        CertifMirror.steps(el, d);
        return;
      }
      if (d.tag === 'dialog' || d.tag === 'group') {
        if (el.firstChild.textContent !== d.text) el.firstChild.textContent = d.text;
        CertifMirror.fill(el.lastChild, d.items);
        return;
      }
      if (d.tag !== 'w') {
        if (el.textContent !== d.text) el.textContent = d.text;
        return;
      }
      var ctl = el.hasAttribute('data-id') ? el : el.querySelector('[data-id]');
      if (!ctl) {
        if (el.textContent !== d.text) el.textContent = d.text;
        return;
      }
      if (ctl.tagName === 'BUTTON') {
        if (ctl.textContent !== d.text) ctl.textContent = d.text;
      } else {
        var span = el.querySelector('span');
        if (span.textContent !== d.text) span.textContent = d.text;
        if (ctl.type === 'checkbox' || ctl.type === 'radio') {
          ctl.checked = d.checked === 1;
        } else if (ctl.type === 'password') {
          // A secret: the canvas never sends it back, so what was typed here stays as typed.
        } else if (ctl.value !== d.value) {
          // What the user is typing here is kept until the canvas field holds it too.
          if (!(ctl.pending && document.activeElement === ctl)) ctl.value = d.value;
        } else {
          ctl.pending = false;
        }
        CertifMirror.describe(el, ctl, d);
      }
      if (d.enabled) ctl.removeAttribute('aria-disabled'); else ctl.setAttribute('aria-disabled', 'true');
      // Controls of a part that repeats (a piece, a competency) are named after it too.
      var name = d.context ? d.text + ' — ' + d.context : '';
      if (name) { if (ctl.getAttribute('aria-label') !== name) ctl.setAttribute('aria-label', name); }
      else ctl.removeAttribute('aria-label');
    },

    // Ties a text field to its hint and error (aria-describedby, aria-invalid).
    describe: function(el, ctl, d) {
      var hint = el.querySelector('.mirror-hint'), error = el.querySelector('.mirror-error');
      if (!hint || !error) return;
      var ids = [];
      [[hint, d.hint], [error, d.error]].forEach(function(pair) {
        if (pair[0].textContent !== pair[1]) pair[0].textContent = pair[1];
        pair[0].hidden = pair[1] === '';
        if (pair[1] !== '') ids.push(pair[0].id);
      });
      if (ids.length) ctl.setAttribute('aria-describedby', ids.join(' ')); else ctl.removeAttribute('aria-describedby');
      if (d.error) ctl.setAttribute('aria-invalid', 'true'); else ctl.removeAttribute('aria-invalid');
    },
  },

  // The text version shown as the page, in place of the canvas (Accessibilité: find in page, text
  // selection, the browser's translation and the system's colours apply to it), or hidden again.
  certif_js_show_text_version__deps: ['$CertifMirror', '$CertifPlatform'],
  certif_js_show_text_version: function(on) {
    var M = CertifMirror;
    var root = M.root || (M.root = document.getElementById('mirror'));
    document.documentElement.classList.toggle('text-version', !!on);
    // Shown, its controls are the page's Tab order and the canvas leaves it; hidden, the reverse.
    CertifPlatform.canvas.tabIndex = on ? -1 : 0;
    if (root) root.querySelectorAll('[data-id]').forEach(function(el) { el.tabIndex = M.tabIndex(); });
    if (on) { M.focusTitle = true; return; }
    // Back to the canvas: keyboard users go on there.
    if (root && root.contains(document.activeElement)) CertifPlatform.canvas.focus({preventScroll: true});
  },

  certif_js_mirror__deps: ['$CertifMirror'],
  certif_js_mirror: function(json_ptr) { CertifMirror.render(JSON.parse(UTF8ToString(json_ptr))); },
});
