// DOM events into C++ (C++ half: src/platform/callbacks.cpp): pointer, touch, wheel, keys, the hidden
// textarea's text (IME, dead keys, paste), copy/cut, focus, visibility, dropped files; and what C++ tells
// the page back about input: whether a field is being typed into, its name, the cursor, the clipboard.

mergeInto(LibraryManager.library, {
  $CertifEvents__deps: ['$CertifPlatform', '$CertifStore', '$CertifFiles'],
  $CertifEvents: {
    // Keys ImGui needs, as indices into io.KeysDown (DOM keyCode values, letters by the typed character
    // so that Ctrl+A/C/V/X/Y/Z follow the layout, AZERTY included).
    keyIndex: function(e) {
      if (e.key && e.key.length === 1) {
        var c = e.key.toUpperCase().charCodeAt(0);
        if (c >= 65 && c <= 90) return c;
      }
      switch (e.key) {
        case 'Tab': return 9; case 'Backspace': return 8; case 'Enter': return 13; case 'Escape': return 27;
        case ' ': return 32; case 'PageUp': return 33; case 'PageDown': return 34; case 'End': return 35;
        case 'Home': return 36; case 'ArrowLeft': return 37; case 'ArrowUp': return 38;
        case 'ArrowRight': return 39; case 'ArrowDown': return 40; case 'Insert': return 45;
        case 'Delete': return 46; case 'Shift': return 16; case 'Control': return 17; case 'Alt': return 18;
        case 'Meta': return 91;
      }
      return -1;
    },

    mods: function(e) {
      return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    },

    sendText: function(s) {
      if (!s) return;
      CertifPlatform.withString(s, function(p) { Module['_certif_on_text'](p); });
    },

    flushTextarea: function() {
      var t = CertifPlatform.textarea;
      var v = t.value;
      t.value = '';
      CertifEvents.sendText(v);
    },

    pointer: function(type, e) {
      var dpr = CertifPlatform.dpr;
      var kind = e.pointerType === 'touch' ? 1 : (e.pointerType === 'pen' ? 2 : 0);
      Module['_certif_on_pointer'](type, e.offsetX * dpr, e.offsetY * dpr, e.button, kind);
    },

    // Touch: ImGui knows only a mouse. A finger that lands moves the pointer there (no press yet); if it
    // lifts without having travelled more than `touchSlop` CSS pixels it was a tap: press and release
    // where it landed, then the pointer leaves (nothing stays hovered). If it travels further it
    // scrolls what is under it, following the finger, and presses nothing. Other fingers are ignored.
    touch: null,       // {id, x0, y0, x, y, scrolling} in CSS pixels, for the finger being followed
    touchSlop: 10,

    touchStart: function(e) {
      var P = CertifPlatform, E = CertifEvents;
      if (E.touch) return;
      E.touch = {id: e.pointerId, x0: e.offsetX, y0: e.offsetY, x: e.offsetX, y: e.offsetY, scrolling: false};
      Module['_certif_on_pointer'](0, e.offsetX * P.dpr, e.offsetY * P.dpr, 0, 1);
    },

    touchMove: function(e) {
      var P = CertifPlatform, E = CertifEvents, t = E.touch;
      if (!t || t.id !== e.pointerId) return;
      if (!t.scrolling) {
        var dx = e.offsetX - t.x0, dy = e.offsetY - t.y0;
        if (dx * dx + dy * dy <= E.touchSlop * E.touchSlop) return;
        t.scrolling = true;   // from where the finger landed: the content keeps under the finger
      }
      Module['_certif_on_touch_scroll']((e.offsetX - t.x) * P.dpr, (e.offsetY - t.y) * P.dpr);
      t.x = e.offsetX;
      t.y = e.offsetY;
    },

    touchEnd: function(e, cancelled) {
      var P = CertifPlatform, E = CertifEvents, t = E.touch;
      if (!t || t.id !== e.pointerId) return;
      E.touch = null;
      var x = t.x0 * P.dpr, y = t.y0 * P.dpr;
      if (!t.scrolling && !cancelled) {
        Module['_certif_on_pointer'](1, x, y, 0, 1);
        Module['_certif_on_pointer'](2, x, y, 0, 1);
      }
      Module['_certif_on_pointer'](3, x, y, 0, 1);
      if (cancelled || t.scrolling) return;
      // Draw the tap's frames now, inside the event: a text field it activates takes the focus (and
      // brings up the on-screen keyboard) only from within the user's gesture. Also a file picker.
      for (var i = 0; i < 6 && Module['_certif_input_pending'](); ++i) Module['_certif_frame'](performance.now());
    },

    install: function() {
      var P = CertifPlatform, E = CertifEvents;
      var c = P.canvas;
      var mirror = document.getElementById('mirror');   // the text version (text_version.js)
      var skip = document.getElementById('skip');       // the skip links into it (index.html)
      // Keys for the page's own controls (the text version, the skip links), not for the canvas.
      // While the text version is shown as the page (a display preference), every key is the page's.
      var inMirror = function(e) {
        if (document.documentElement.classList.contains('text-version')) return true;
        return e.target instanceof Node && ((mirror && mirror.contains(e.target)) || (skip && skip.contains(e.target)));
      };
      var touch = function(e) { return e.pointerType === 'touch'; };
      c.addEventListener('pointermove', function(e) { if (touch(e)) E.touchMove(e); else E.pointer(0, e); });
      c.addEventListener('pointerdown', function(e) {
        try { c.setPointerCapture(e.pointerId); } catch (err) {}
        // Pointing at the canvas brings keyboard focus back from the text version (see CertifMirror).
        if (mirror && mirror.contains(document.activeElement)) c.focus({preventScroll: true});
        if (touch(e)) E.touchStart(e); else E.pointer(1, e);
      });
      c.addEventListener('pointerup', function(e) { if (touch(e)) E.touchEnd(e, false); else E.pointer(2, e); });
      c.addEventListener('pointercancel', function(e) { if (touch(e)) E.touchEnd(e, true); else E.pointer(2, e); });
      c.addEventListener('pointerleave', function(e) { if (e.pointerType === 'mouse') E.pointer(3, e); });
      // Keep focus where syncFocus put it: a click on the canvas must not blur the text field's textarea.
      c.addEventListener('mousedown', function(e) { e.preventDefault(); P.syncFocus(); });
      c.addEventListener('contextmenu', function(e) { e.preventDefault(); });
      c.addEventListener('wheel', function(e) {
        var k = e.deltaMode === 1 ? 1 / 3 : (e.deltaMode === 2 ? 3 : 1 / 100);
        Module['_certif_on_wheel'](-e.deltaX * k, -e.deltaY * k);
        e.preventDefault();
      }, {passive: false});

      // Keys typed in the text version belong to its own controls (a field being edited, a button
      // pressed): the canvas does not see them.
      window.addEventListener('keydown', function(e) {
        if (e.isComposing || e.keyCode === 229) return;   // the IME owns this key
        if (inMirror(e)) return;
        var k = E.keyIndex(e);
        if (k < 0) return;
        var m = E.mods(e);
        Module['_certif_on_key'](k, 1, m);
        var ctrl = e.ctrlKey || e.metaKey;
        if (ctrl && (k === 67 || k === 88)) {
          // Copy/cut: run a frame now so ImGui handles the shortcut before the browser fires the
          // copy/cut event, whose clipboardData we then fill (no clipboard permission needed).
          Module['_certif_frame'](performance.now());
          return;
        }
        if (ctrl && k === 86) return;                       // let the browser fire `paste`
        var navigation = k === 9 || k === 13 || (k >= 33 && k <= 40) || k === 8 || k === 46;
        var spaceOutsideText = k === 32 && !P.textActive;
        var ctrlLetter = ctrl && k >= 65 && k <= 90;
        if (navigation || spaceOutsideText || ctrlLetter) e.preventDefault();
      }, true);
      window.addEventListener('keyup', function(e) {
        if (inMirror(e)) return;
        var k = E.keyIndex(e);
        if (k >= 0) Module['_certif_on_key'](k, 0, E.mods(e));
      }, true);
      window.addEventListener('blur', function() { Module['_certif_on_focus'](0); });
      window.addEventListener('focus', function() { Module['_certif_on_focus'](1); });
      document.addEventListener('visibilitychange', function() {
        Module['_certif_on_visibility'](document.visibilityState === 'visible' ? 1 : 0);
      });

      var t = P.textarea;
      t.addEventListener('compositionstart', function() { P.composing = true; });
      t.addEventListener('compositionend', function() { P.composing = false; E.flushTextarea(); });
      t.addEventListener('input', function(e) { if (!P.composing && !e.isComposing) E.flushTextarea(); });
      t.addEventListener('paste', function(e) {
        var text = (e.clipboardData || window.clipboardData).getData('text/plain') || '';
        e.preventDefault();
        P.withString(text, function(p) { Module['_certif_on_paste'](p); });
      });
      var onCopy = function(e) {
        if (P.clipboardForEvent === null) return;
        e.clipboardData.setData('text/plain', P.clipboardForEvent);
        P.clipboardForEvent = null;
        e.preventDefault();
      };
      document.addEventListener('copy', onCopy);
      document.addEventListener('cut', onCopy);

      // Files dropped on the canvas land on the piece under the pointer (the UI knows where pieces are).
      c.addEventListener('dragover', function(e) {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      });
      c.addEventListener('drop', function(e) {
        e.preventDefault();
        var files = e.dataTransfer ? e.dataTransfer.files : null;
        if (!files || files.length === 0) return;
        var dpr = CertifPlatform.dpr;
        var target = UTF8ToString(Module['_certif_drop_target'](e.offsetX * dpr, e.offsetY * dpr));
        if (!target) { Module['_certif_on_drop_missed'](); return; }
        for (var i = 0; i < files.length; ++i) CertifFiles.read(files[i], target, '');
      });
      // Leaving while a save is still being written, or after one failed, would lose it: only then ask
      // the user to stay.
      window.addEventListener('beforeunload', function(e) {
        if (CertifStore.pending > 0 || CertifStore.unsaved > 0 || CertifFiles.active > 0) { e.preventDefault(); e.returnValue = ''; }
      });
    },
  },

  certif_js_set_text_input__deps: ['$CertifPlatform'],
  certif_js_set_text_input: function(active, x, y, h) {
    var P = CertifPlatform;
    P.textActive = !!active;
    // Place the (invisible) textarea at the caret so IME candidate windows appear next to it.
    var t = P.textarea;
    t.style.left = (x / P.dpr) + 'px';
    t.style.top = (y / P.dpr) + 'px';
    t.style.height = Math.max(1, h / P.dpr) + 'px';
    if (!active) { t.value = ''; P.composing = false; }
    P.syncFocus();
  },

  certif_js_set_text_label__deps: ['$CertifPlatform'],
  certif_js_set_text_label: function(label_ptr) {
    CertifPlatform.textarea.setAttribute('aria-label', UTF8ToString(label_ptr));
  },

  certif_js_set_cursor__deps: ['$CertifPlatform'],
  certif_js_set_cursor: function(shape) {
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize',
                 'pointer', 'not-allowed'];
    CertifPlatform.canvas.style.cursor = shape < 0 ? 'none' : (names[shape] || 'default');
  },

  certif_js_clipboard_write__deps: ['$CertifPlatform'],
  certif_js_clipboard_write: function(ptr, in_shortcut) {
    var text = UTF8ToString(ptr);
    if (in_shortcut) {
      CertifPlatform.clipboardForEvent = text;   // the copy/cut event that follows fills the clipboard
      return;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function(err) {
        console.warn('certif-intra: the browser refused clipboard access:', err && err.message);
      });
    }
  },
});
