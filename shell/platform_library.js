// Browser side of src/platform: DOM events in, frames on demand, text input, clipboard, storage,
// downloads, announcements. Linked into certif.js with --js-library; the C++ side is src/platform/web.cpp.
//
// Why our own glue rather than Emscripten's GLFW: 3.1.6's GLFW redraws every frame, ignores
// devicePixelRatio, reads only keypress.charCode (accents typed through IME, dead keys or paste are lost),
// has no clipboard and no touch positions. Here every input becomes a call into C++ that queues it and
// asks for a frame; nothing is drawn while nothing happens.

mergeInto(LibraryManager.library, {
  $CertifPlatform: {
    canvas: null,
    textarea: null,
    live: null,
    rafPending: false,
    composing: false,
    textActive: false,
    dpr: 1,
    dprQuery: null,
    clipboardForEvent: null,   // text ImGui copied during a synchronous copy/cut frame
    firstFrameDone: false,

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

    withString: function(s, fn) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      try { fn(p); } finally { _free(p); }
    },

    sendText: function(s) {
      if (!s) return;
      CertifPlatform.withString(s, function(p) { Module['_certif_on_text'](p); });
    },

    flushTextarea: function() {
      var t = CertifPlatform.textarea;
      var v = t.value;
      t.value = '';
      CertifPlatform.sendText(v);
    },

    requestFrame: function() {
      if (CertifPlatform.rafPending) return;
      CertifPlatform.rafPending = true;
      requestAnimationFrame(function(now) {
        CertifPlatform.rafPending = false;
        Module['_certif_frame'](now);
      });
    },

    resize: function() {
      var c = CertifPlatform.canvas;
      var rect = c.getBoundingClientRect();
      var dpr = window.devicePixelRatio || 1;
      var w = Math.max(1, Math.round(rect.width * dpr));
      var h = Math.max(1, Math.round(rect.height * dpr));
      if (c.width !== w) c.width = w;
      if (c.height !== h) c.height = h;
      if (dpr !== CertifPlatform.dpr) {
        CertifPlatform.dpr = dpr;
        CertifPlatform.watchDpr();
      }
      Module['_certif_on_resize'](w, h, dpr);
    },

    // Browser zoom and moving to another screen change devicePixelRatio without always resizing.
    watchDpr: function() {
      if (!window.matchMedia) return;
      if (CertifPlatform.dprQuery) CertifPlatform.dprQuery.removeEventListener('change', CertifPlatform.resize);
      CertifPlatform.dprQuery = window.matchMedia('(resolution: ' + CertifPlatform.dpr + 'dppx)');
      CertifPlatform.dprQuery.addEventListener('change', CertifPlatform.resize);
    },

    pointer: function(type, e) {
      var dpr = CertifPlatform.dpr;
      var kind = e.pointerType === 'touch' ? 1 : (e.pointerType === 'pen' ? 2 : 0);
      Module['_certif_on_pointer'](type, e.offsetX * dpr, e.offsetY * dpr, e.button, kind);
    },

    // Focus follows ImGui: the hidden textarea while a text field is active (so the OS keyboard, IME and
    // paste target it), the canvas otherwise (keyboard navigation). Never steal focus from elsewhere.
    syncFocus: function() {
      var P = CertifPlatform;
      var a = document.activeElement;
      var ours = a === P.canvas || a === P.textarea || a === document.body || a === null;
      if (!ours) return;
      var want = P.textActive ? P.textarea : P.canvas;
      if (a !== want) want.focus({preventScroll: true});
    },

    init: function() {
      var P = CertifPlatform;
      P.canvas = Module['canvas'];
      P.textarea = document.getElementById('text-input');
      P.live = document.getElementById('live');
      var c = P.canvas;
      P.dpr = window.devicePixelRatio || 1;
      P.watchDpr();
      window.addEventListener('resize', P.resize);

      c.addEventListener('pointermove', function(e) { P.pointer(0, e); });
      c.addEventListener('pointerdown', function(e) {
        try { c.setPointerCapture(e.pointerId); } catch (err) {}
        P.pointer(1, e);
      });
      c.addEventListener('pointerup', function(e) { P.pointer(2, e); });
      c.addEventListener('pointercancel', function(e) { P.pointer(2, e); });
      c.addEventListener('pointerleave', function(e) { if (e.pointerType === 'mouse') P.pointer(3, e); });
      // Keep focus where syncFocus put it: a click on the canvas must not blur the text field's textarea.
      c.addEventListener('mousedown', function(e) { e.preventDefault(); P.syncFocus(); });
      c.addEventListener('contextmenu', function(e) { e.preventDefault(); });
      c.addEventListener('wheel', function(e) {
        var k = e.deltaMode === 1 ? 1 / 3 : (e.deltaMode === 2 ? 3 : 1 / 100);
        Module['_certif_on_wheel'](-e.deltaX * k, -e.deltaY * k);
        e.preventDefault();
      }, {passive: false});

      window.addEventListener('keydown', function(e) {
        if (e.isComposing || e.keyCode === 229) return;   // the IME owns this key
        var k = P.keyIndex(e);
        if (k < 0) return;
        var m = P.mods(e);
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
        var k = P.keyIndex(e);
        if (k >= 0) Module['_certif_on_key'](k, 0, P.mods(e));
      }, true);
      window.addEventListener('blur', function() { Module['_certif_on_focus'](0); });
      window.addEventListener('focus', function() { Module['_certif_on_focus'](1); });
      document.addEventListener('visibilitychange', function() {
        Module['_certif_on_visibility'](document.visibilityState === 'visible' ? 1 : 0);
      });

      var t = P.textarea;
      t.addEventListener('compositionstart', function() { P.composing = true; });
      t.addEventListener('compositionend', function() { P.composing = false; P.flushTextarea(); });
      t.addEventListener('input', function(e) { if (!P.composing && !e.isComposing) P.flushTextarea(); });
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

      P.resize();
    },
  },

  certif_js_init__deps: ['$CertifPlatform'],
  certif_js_init: function() { CertifPlatform.init(); },

  certif_js_request_frame__deps: ['$CertifPlatform'],
  certif_js_request_frame: function() { CertifPlatform.requestFrame(); },

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

  certif_js_first_frame__deps: ['$CertifPlatform'],
  certif_js_first_frame: function() {
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
    document.documentElement.classList.add('ready');
    CertifPlatform.syncFocus();
    var api = function(fn) { return JSON.parse(UTF8ToString(Module[fn]())); };
    window.certif = Object.freeze({
      version: UTF8ToString(Module['_certif_api_version']()),
      stats: function() { return api('_certif_api_stats'); },
      widgets: function() { return api('_certif_api_widgets'); },
      state: function() { return api('_certif_api_state'); },
    });
    window.dispatchEvent(new Event('certif-ready'));
  },

  certif_js_fatal: function(code_ptr) {
    var code = UTF8ToString(code_ptr);
    if (window.certifShowFatal) window.certifShowFatal(code);
  },

  certif_js_today: function(y, m, d) {
    var now = new Date();
    HEAP32[y >> 2] = now.getFullYear();
    HEAP32[m >> 2] = now.getMonth() + 1;
    HEAP32[d >> 2] = now.getDate();
  },

  // Local key-value storage for small values (preferences). Returns a malloc'd string or 0.
  certif_js_store_get: function(key_ptr) {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key_ptr)); } catch (e) { v = null; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },

  // Returns 1 when stored, 0 when the browser refused (quota, private mode, storage disabled).
  certif_js_store_set: function(key_ptr, value_ptr) {
    try {
      window.localStorage.setItem(UTF8ToString(key_ptr), UTF8ToString(value_ptr));
      return 1;
    } catch (e) {
      console.warn('certif-intra: could not store a value locally:', e && e.name);
      return 0;
    }
  },

  certif_js_download: function(name_ptr, type_ptr, data_ptr, size) {
    var bytes = HEAPU8.slice(data_ptr, data_ptr + size);   // a copy: the heap may move or be reused
    var blob = new Blob([bytes], {type: UTF8ToString(type_ptr)});
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name_ptr);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
  },

  certif_js_announce__deps: ['$CertifPlatform'],
  certif_js_announce: function(text_ptr) {
    var live = CertifPlatform.live;
    if (!live) return;
    // Clearing first makes screen readers repeat an identical message.
    live.textContent = '';
    var text = UTF8ToString(text_ptr);
    setTimeout(function() { live.textContent = text; }, 50);
  },

  certif_js_set_title: function(text_ptr) { document.title = UTF8ToString(text_ptr); },

  certif_js_set_lang: function(code_ptr) { document.documentElement.lang = UTF8ToString(code_ptr); },
});
