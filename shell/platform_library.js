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

    // Runs fn in a task of its own, as soon as the page is free: no wait for the display as with
    // requestAnimationFrame, no 4 ms clamp as with a nested setTimeout. In order.
    soon: function(fn) {
      var P = CertifPlatform;
      if (!P.soonPort) {
        var channel = new MessageChannel();
        P.soonQueue = [];
        channel.port1.onmessage = function() { var f = P.soonQueue.shift(); if (f) f(); };
        P.soonPort = channel.port2;
      }
      P.soonQueue.push(fn);
      P.soonPort.postMessage(0);
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

    // Touch: ImGui knows only a mouse. A finger that lands moves the pointer there (no press yet); if it
    // lifts without having travelled more than `touchSlop` CSS pixels it was a tap: press and release
    // where it landed, then the pointer leaves (nothing stays hovered). If it travels further it
    // scrolls what is under it, following the finger, and presses nothing. Other fingers are ignored.
    touch: null,       // {id, x0, y0, x, y, scrolling} in CSS pixels, for the finger being followed
    touchSlop: 10,

    touchStart: function(e) {
      var P = CertifPlatform;
      if (P.touch) return;
      P.touch = {id: e.pointerId, x0: e.offsetX, y0: e.offsetY, x: e.offsetX, y: e.offsetY, scrolling: false};
      Module['_certif_on_pointer'](0, e.offsetX * P.dpr, e.offsetY * P.dpr, 0, 1);
    },

    touchMove: function(e) {
      var P = CertifPlatform, t = P.touch;
      if (!t || t.id !== e.pointerId) return;
      if (!t.scrolling) {
        var dx = e.offsetX - t.x0, dy = e.offsetY - t.y0;
        if (dx * dx + dy * dy <= P.touchSlop * P.touchSlop) return;
        t.scrolling = true;   // from where the finger landed: the content keeps under the finger
      }
      Module['_certif_on_touch_scroll']((e.offsetX - t.x) * P.dpr, (e.offsetY - t.y) * P.dpr);
      t.x = e.offsetX;
      t.y = e.offsetY;
    },

    touchEnd: function(e, cancelled) {
      var P = CertifPlatform, t = P.touch;
      if (!t || t.id !== e.pointerId) return;
      P.touch = null;
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

      var touch = function(e) { return e.pointerType === 'touch'; };
      c.addEventListener('pointermove', function(e) { if (touch(e)) P.touchMove(e); else P.pointer(0, e); });
      c.addEventListener('pointerdown', function(e) {
        try { c.setPointerCapture(e.pointerId); } catch (err) {}
        // Pointing at the canvas brings keyboard focus back from the text version (see CertifMirror).
        var mirror = document.getElementById('mirror');
        if (mirror && mirror.contains(document.activeElement)) c.focus({preventScroll: true});
        if (touch(e)) P.touchStart(e); else P.pointer(1, e);
      });
      c.addEventListener('pointerup', function(e) { if (touch(e)) P.touchEnd(e, false); else P.pointer(2, e); });
      c.addEventListener('pointercancel', function(e) { if (touch(e)) P.touchEnd(e, true); else P.pointer(2, e); });
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

      P.resize();
    },
  },

  // The candidate's draft in IndexedDB: 'draft' holds the answers (JSON text) and when they were saved;
  // 'attachments' holds each file's bytes by attachment id. Every outcome is reported to C++.
  $CertifStore__deps: ['$CertifPlatform'],
  $CertifStore: {
    db: null,
    pending: 0,
    unsaved: 0,     // writes that failed, as C++ counts them (kept in memory until a retry succeeds)
    openError: '',

    stamp: function() {
      var d = new Date();
      var two = function(n) { return (n < 10 ? '0' : '') + n; };
      return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + 'T' + two(d.getHours()) + ':' + two(d.getMinutes());
    },

    open: function(done) {
      var req;
      try { req = window.indexedDB.open('certif-intra', 2); } catch (e) { done(null, 'unavailable'); return; }
      if (!req) { done(null, 'unavailable'); return; }
      req.onupgradeneeded = function() {
        var db = req.result;
        if (!db.objectStoreNames.contains('draft')) db.createObjectStore('draft');
        if (!db.objectStoreNames.contains('attachments')) db.createObjectStore('attachments');
        // The coach's workspace: one record per bundle, and the bundles' files as Blobs (outside the
        // wasm heap: a cohort can weigh hundreds of megabytes).
        if (!db.objectStoreNames.contains('coach')) db.createObjectStore('coach');
        if (!db.objectStoreNames.contains('coach_files')) db.createObjectStore('coach_files');
      };
      req.onsuccess = function() { done(req.result, ''); };
      req.onerror = function() { done(null, (req.error && req.error.name) || 'unavailable'); };
      req.onblocked = function() { done(null, 'blocked'); };
    },

    withString: function(s, fn) { CertifPlatform.withString(s || '', fn); },

    // The outcome of write `serial`, to C++ (which keeps what failed and tries it again).
    written: function(serial, ok, error, when) {
      CertifStore.pending = Math.max(0, CertifStore.pending - 1);
      CertifStore.withString(error, function(e) {
        CertifStore.withString(when, function(w) { Module['_certif_on_storage_written'](serial, ok ? 1 : 0, e, w); });
      });
    },

    // One write transaction; `fill` issues the requests. Quota and other failures end up in onabort, or
    // are thrown by a request: then the transaction is aborted, so that none of it is kept.
    write: function(stores, fill, when, serial) {
      var S = CertifStore;
      S.pending++;
      if (!S.db) { S.written(serial, false, S.openError || 'unavailable', ''); return; }
      var tx = null;
      try {
        tx = S.db.transaction(stores, 'readwrite');
        fill(tx);
      } catch (e) {
        if (tx) { try { tx.abort(); } catch (ignored) {} }
        S.written(serial, false, e.name || 'Error', '');
        return;
      }
      tx.oncomplete = function() { S.written(serial, true, '', when || ''); };
      tx.onabort = function() { S.written(serial, false, (tx.error && tx.error.name) || 'AbortError', ''); };
    },
  },

  // Files chosen or dropped: read by the browser, then handed to C++ 16 MB per task, so the page keeps
  // drawing (progress bar) between them and C++ hashes as it goes.
  $CertifFiles__deps: ['$CertifPlatform'],
  $CertifFiles: {
    next: 1,
    active: 0,
    cancelled: {},
    input: null,
    chunk: 16 * 1024 * 1024,   // per task: copying into the heap runs at ~1 GB/s

    // Files are announced at once (C++ can refuse them before reading) but read one after the other,
    // so that only one file at a time is being copied into the wasm heap.
    read: function(file, piece, replaces) {
      var job = CertifFiles.next++;
      var P = CertifPlatform;
      P.withString(piece, function(pp) {
        P.withString(file.name, function(np) {
          P.withString(replaces, function(rp) { Module['_certif_on_file_begin'](job, pp, np, file.size, rp); });
        });
      });
      CertifFiles.active++;
      CertifFiles.tail = (CertifFiles.tail || Promise.resolve()).then(function() {
        return new Promise(function(resolve) {
          var finish = function() { CertifFiles.active--; delete CertifFiles.cancelled[job]; resolve(); };
          if (CertifFiles.cancelled[job]) { finish(); return; }
          file.arrayBuffer().then(function(buffer) {
            var bytes = new Uint8Array(buffer);
            var off = 0;
            var step = function() {
              if (CertifFiles.cancelled[job]) { finish(); return; }
              if (off >= bytes.length) {
                Module['_certif_on_file_end'](job);
                finish();
                return;
              }
              var part = bytes.subarray(off, Math.min(bytes.length, off + CertifFiles.chunk));
              off += part.length;
              var p = _malloc(part.length);
              HEAPU8.set(part, p);   // HEAPU8 is read after malloc: memory may have grown
              Module['_certif_on_file_chunk'](job, p, part.length);
              _free(p);
              P.soon(step);   // a task per chunk: frames (the progress) come in between
            };
            P.soon(step);
          }).catch(function(err) {
            P.withString((err && err.name) || 'NotReadableError', function(e) { Module['_certif_on_file_failed'](job, e); });
            finish();
          });
        });
      });
    },

    pick: function(piece, replaces, multiple) {
      var input = CertifFiles.input;
      if (!input) {
        input = document.createElement('input');
        input.type = 'file';
        input.id = 'file-input';
        input.className = 'sr-only';
        input.tabIndex = -1;
        // `accept` is a hint for the picker only: what is accepted is decided by the content, in C++.
        document.body.appendChild(input);
        CertifFiles.input = input;
      }
      input.multiple = !!multiple;
      input.accept = piece.charAt(0) === '#' ? '.json,application/json'
                                             : '.pdf,.png,.jpg,.jpeg,.webp,.odt,.ods,.odp,.docx,.xlsx,.pptx,.csv';
      input.value = '';
      input.onchange = function() {
        var files = Array.prototype.slice.call(input.files || []);
        for (var i = 0; i < files.length; ++i) CertifFiles.read(files[i], piece, i === 0 ? replaces : '');
        input.value = '';
      };
      input.click();
    },
  },

  certif_js_init__deps: ['$CertifPlatform', '$CertifStore', '$CertifFiles'],
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

  certif_js_first_frame__deps: ['$CertifPlatform'],
  certif_js_first_frame: function() {
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
    document.documentElement.classList.add('ready');
    // Focus (which makes the browser lay the page out at once) and the ready event (service worker)
    // in a task of their own: this frame reaches the screen first.
    CertifPlatform.soon(function() {
      CertifPlatform.syncFocus();
      window.dispatchEvent(new Event('certif-ready'));
    });
    var api = function(fn) { return JSON.parse(UTF8ToString(Module[fn]())); };
    window.certif = Object.freeze({
      version: UTF8ToString(Module['_certif_api_version']()),
      stats: function() { return api('_certif_api_stats'); },
      widgets: function() { return api('_certif_api_widgets'); },
      state: function() { return api('_certif_api_state'); },
      // A copy of an attachment's bytes (Uint8Array), or null: lets tests check files survive intact.
      attachment: function(id) {
        var out = null;
        CertifPlatform.withString(String(id), function(p) {
          var size = Module['_certif_api_attachment_size'](p);
          if (size < 0) return;
          var data = Module['_certif_api_attachment_data'](p);
          out = HEAPU8.slice(data, data + size);
        });
        return out;
      },
    });
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
  // The host's settings from config.js (see web/config.js): the accessibility contact, malloc'd, or 0.
  certif_js_site_contact: function() {
    var c = (typeof self.certifConfig === 'object' && self.certifConfig) ? self.certifConfig.accessibilityContact : '';
    if (typeof c !== 'string' || c === '') return 0;
    var n = lengthBytesUTF8(c) + 1;
    var p = _malloc(n);
    stringToUTF8(c, p, n);
    return p;
  },

  certif_js_store_get: function(key_ptr) {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key_ptr)); } catch (e) { v = null; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },

  // Returns 1 when stored, 2 when the browser's storage is full, 3 when it refused otherwise (private
  // mode, storage disabled). C++ keeps the value and tries again.
  certif_js_store_set: function(key_ptr, value_ptr) {
    try {
      window.localStorage.setItem(UTF8ToString(key_ptr), UTF8ToString(value_ptr));
      return 1;
    } catch (e) {
      return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 2 : 3;
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

  // The text version of the screen (see src/ui: every heading, text, field and button the canvas shows,
  // in drawing order), kept in a visually hidden region that screen readers browse. Its buttons, check
  // boxes and fields act on the canvas's own widgets; nothing in it is ever parsed as HTML.
  $CertifMirror__deps: ['$CertifPlatform'],
  $CertifMirror: {
    root: null,
    render: function(m) {
      var M = CertifMirror;
      var root = M.root || (M.root = document.getElementById('mirror'));
      if (!root) return;
      root.setAttribute('aria-label', m.label);
      // Consecutive pieces of one line ('t') read as one paragraph.
      var items = [];
      for (var i = 0; i < m.items.length; ++i) {
        var it = m.items[i];
        var last = items[items.length - 1];
        if (it[0] === 't' && last && last.tag === 'p' && last.inline) last.text += ' ' + it[1];
        else if (it[0] === 'w') items.push({tag: 'w', kind: it[1], id: it[2], text: it[3], enabled: it[4], value: it[5], checked: it[6]});
        else items.push({tag: it[0] === 't' ? 'p' : it[0], inline: it[0] === 't', text: it[1]});
      }
      var focusedId = root.contains(document.activeElement) ? document.activeElement.getAttribute('data-id') : null;
      var oldTitle = root.querySelector('h1');
      oldTitle = oldTitle ? oldTitle.textContent : null;
      for (var k = 0; k < items.length; ++k) {
        var d = items[k];
        var sig = d.tag + '|' + (d.kind || '') + '|' + (d.id || '');
        var el = root.children[k];
        if (!el || el.getAttribute('data-sig') !== sig) {
          var made = M.make(d);
          made.setAttribute('data-sig', sig);
          if (el) root.replaceChild(made, el); else root.appendChild(made);
          el = made;
        }
        M.update(el, d);
      }
      while (root.children.length > items.length) root.removeChild(root.lastChild);
      // A screen reader user who acted in the text version stays there: on the same control if it
      // still exists, else on the new screen's title.
      if (focusedId !== null) {
        var same = root.querySelector('[data-id="' + CSS.escape(focusedId) + '"]');
        var title = root.querySelector('h1');
        var target = same && (!title || title.textContent === oldTitle) ? same : title;
        if (target && document.activeElement !== target) target.focus({preventScroll: true});
      }
    },
    control: function(d) {
      // The element that carries data-id (what activation and focus find).
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
        t.readOnly = true;
        return t;
      }
      if (kind === 'textarea') {
        var a = document.createElement('textarea');
        a.readOnly = true;
        return a;
      }
      return null;
    },
    make: function(d) {
      if (d.tag !== 'w') {
        var e = document.createElement(d.tag === 'h1' || d.tag === 'h2' ? d.tag : 'p');
        if (d.tag === 'h1') e.tabIndex = -1;  // where focus goes when the screen changes
        return e;
      }
      var ctl = CertifMirror.control(d);
      if (!ctl) return document.createElement('p');  // tables, images, timers: their label as text
      ctl.tabIndex = -1;  // reachable by screen readers' browse mode, not in the canvas's Tab order
      ctl.setAttribute('data-id', d.id);
      var activate = function(ev) {
        if (ev) ev.preventDefault();
        // A field is typed into on the canvas (its hidden textarea takes focus once the field is active);
        // anything else keeps the user in the text version, where the result will be read.
        // (If a field is active already, the textarea stays the target: ImGui goes from field to field
        // without ever wanting no text input in between.)
        var P = CertifPlatform;
        if (d.kind === 'input' || d.kind === 'textarea') (P.textActive ? P.textarea : P.canvas).focus({preventScroll: true});
        else ctl.focus({preventScroll: true});
        CertifPlatform.withString(ctl.getAttribute('data-id'), function(p) { Module['_certif_on_activate'](p); });
      };
      ctl.addEventListener('click', activate);
      if (ctl.tagName === 'BUTTON') return ctl;
      var label = document.createElement('label');
      var span = document.createElement('span');
      if (ctl.type === 'checkbox' || ctl.type === 'radio') { label.appendChild(ctl); label.appendChild(span); }
      else { label.appendChild(span); label.appendChild(ctl); }
      return label;
    },
    update: function(el, d) {
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
        if (ctl.type === 'checkbox' || ctl.type === 'radio') ctl.checked = d.checked === 1;
        else if (ctl.value !== d.value) ctl.value = d.value;
      }
      if (d.enabled) ctl.removeAttribute('aria-disabled'); else ctl.setAttribute('aria-disabled', 'true');
    },
  },

  certif_js_mirror__deps: ['$CertifMirror'],
  certif_js_mirror: function(json_ptr) { CertifMirror.render(JSON.parse(UTF8ToString(json_ptr))); },

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

  certif_js_storage_load__deps: ['$CertifStore', '$CertifPlatform'],
  certif_js_storage_load: function() {
    var S = CertifStore, P = CertifPlatform;
    var report = function(answers, savedAt, error) {
      var a = answers === null ? 0 : _malloc(lengthBytesUTF8(answers) + 1);
      if (a) stringToUTF8(answers, a, lengthBytesUTF8(answers) + 1);
      P.withString(savedAt, function(w) {
        P.withString(error, function(e) { Module['_certif_on_draft_loaded'](a, w, e); });
      });
      if (a) _free(a);
    };
    S.open(function(db, error) {
      S.db = db;
      S.openError = error;
      if (!db) { report(null, '', error); return; }
      var tx;
      try { tx = db.transaction(['draft', 'attachments', 'coach'], 'readonly'); } catch (e) { report(null, '', e.name || 'Error'); return; }
      var draftReq = tx.objectStore('draft').get('current');
      var files = [];
      var cursorReq = tx.objectStore('attachments').openCursor();
      cursorReq.onsuccess = function() {
        var cur = cursorReq.result;
        if (!cur) return;
        files.push([String(cur.key), cur.value]);
        cur.continue();
      };
      var coach = [];
      var coachReq = tx.objectStore('coach').openCursor();
      coachReq.onsuccess = function() {
        var cur = coachReq.result;
        if (!cur) return;
        coach.push(String(cur.value));
        cur.continue();
      };
      tx.oncomplete = function() {
        var rec = draftReq.result;
        // Files are kept as Blobs (older drafts: ArrayBuffers). All are read before the draft is
        // reported, so that the draft and its files arrive together, as one frame's results.
        Promise.all(files.map(function(f) {
          return f[1] instanceof Blob ? f[1].arrayBuffer().catch(function() { return null; }) : f[1];
        })).then(function(buffers) {
          report(rec ? rec.answers : null, rec ? rec.saved_at : '', '');
          files.forEach(function(f, i) {
            if (!buffers[i]) return;  // unreadable: the file stays listed, without its bytes
            var bytes = new Uint8Array(buffers[i]);
            var p = _malloc(Math.max(1, bytes.length));
            HEAPU8.set(bytes, p);
            P.withString(f[0], function(id) { Module['_certif_on_attachment_loaded'](id, p, bytes.length); });
            _free(p);
          });
          coach.forEach(function(record) {
            P.withString(record, function(r) { Module['_certif_on_coach_entry'](r); });
          });
        });
      };
      tx.onabort = function() { report(null, '', (tx.error && tx.error.name) || 'AbortError'); };
    });
  },

  certif_js_save_draft__deps: ['$CertifStore'],
  certif_js_save_draft: function(json_ptr, serial) {
    var text = UTF8ToString(json_ptr);
    var when = CertifStore.stamp();
    CertifStore.write(['draft'], function(tx) {
      tx.objectStore('draft').put({answers: text, saved_at: when}, 'current');
    }, when, serial);
  },

  certif_js_store_attachment__deps: ['$CertifStore'],
  certif_js_store_attachment: function(id_ptr, data_ptr, size, serial) {
    var id = UTF8ToString(id_ptr);
    // A Blob: one copy out of the heap (which may move or be reused), and IndexedDB stores it without
    // cloning its bytes again on this thread (an ArrayBuffer cost ~3 ms per MB here).
    var blob = new Blob([HEAPU8.subarray(data_ptr, data_ptr + size)]);
    CertifStore.write(['attachments'], function(tx) { tx.objectStore('attachments').put(blob, id); }, CertifStore.stamp(), serial);
  },

  certif_js_delete_attachment__deps: ['$CertifStore'],
  certif_js_delete_attachment: function(id_ptr, serial) {
    var id = UTF8ToString(id_ptr);
    CertifStore.write(['attachments'], function(tx) { tx.objectStore('attachments').delete(id); }, CertifStore.stamp(), serial);
  },

  certif_js_clear_storage__deps: ['$CertifStore'],
  certif_js_clear_storage: function(serial) {
    CertifStore.write(['draft', 'attachments'], function(tx) {
      tx.objectStore('draft').clear();
      tx.objectStore('attachments').clear();
    }, '', serial);
  },

  certif_js_set_unsaved__deps: ['$CertifStore'],
  certif_js_set_unsaved: function(count) { CertifStore.unsaved = count; },

  certif_js_pick_files__deps: ['$CertifFiles'],
  certif_js_pick_files: function(piece_ptr, replaces_ptr, multiple) {
    CertifFiles.pick(UTF8ToString(piece_ptr), UTF8ToString(replaces_ptr), multiple);
  },

  // Decodes an image with the browser (all accepted formats, WebP included) into a GL texture no larger
  // than max_px, and reports it (texture 0 when the image cannot be decoded).
  certif_js_make_thumbnail__deps: ['$GL', '$CertifPlatform'],
  certif_js_make_thumbnail: function(id_ptr, data_ptr, size, type_ptr, max_px) {
    var id = UTF8ToString(id_ptr);
    var blob = new Blob([HEAPU8.slice(data_ptr, data_ptr + size)], {type: UTF8ToString(type_ptr)});
    var report = function(tex, w, h) {
      CertifPlatform.withString(id, function(p) { Module['_certif_on_thumbnail'](p, tex, w, h); });
    };
    createImageBitmap(blob).then(function(full) {
      var k = Math.min(1, max_px / Math.max(full.width, full.height));
      var w = Math.max(1, Math.round(full.width * k)), h = Math.max(1, Math.round(full.height * k));
      return createImageBitmap(full, {resizeWidth: w, resizeHeight: h, resizeQuality: 'high'}).then(function(small) {
        full.close();
        var gl = GLctx;
        var tex = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, tex);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, small);
        small.close();
        var name = GL.getNewId(GL.textures);
        tex.name = name;
        GL.textures[name] = tex;
        report(name, w, h);
      });
    }).catch(function() { report(0, 0, 0); });
  },

  certif_js_delete_texture__deps: ['$GL'],
  certif_js_delete_texture: function(name) {
    var tex = GL.textures[name];
    if (!tex) return;
    GLctx.deleteTexture(tex);
    tex.name = 0;
    GL.textures[name] = null;
  },

  // ---- the coach's workspace ---------------------------------------------------------------------------

  certif_js_save_coach_entry__deps: ['$CertifStore'],
  certif_js_save_coach_entry: function(digest_ptr, record_ptr, serial) {
    var digest = UTF8ToString(digest_ptr), record = UTF8ToString(record_ptr);
    CertifStore.write(['coach'], function(tx) { tx.objectStore('coach').put(record, digest); }, '', serial);
  },

  certif_js_delete_coach_entry__deps: ['$CertifStore'],
  certif_js_delete_coach_entry: function(digest_ptr, keys_ptr, serial) {
    var digest = UTF8ToString(digest_ptr);
    var keys = JSON.parse(UTF8ToString(keys_ptr));
    CertifStore.write(['coach', 'coach_files'], function(tx) {
      tx.objectStore('coach').delete(digest);
      keys.forEach(function(k) { tx.objectStore('coach_files').delete(k); });
    }, '', serial);
  },

  certif_js_store_coach_file__deps: ['$CertifStore'],
  certif_js_store_coach_file: function(key_ptr, data_ptr, size, type_ptr, serial) {
    var key = UTF8ToString(key_ptr);
    var blob = new Blob([HEAPU8.slice(data_ptr, data_ptr + size)], {type: UTF8ToString(type_ptr)});
    CertifStore.write(['coach_files'], function(tx) { tx.objectStore('coach_files').put(blob, key); }, '', serial);
  },

  certif_js_clear_coach_storage__deps: ['$CertifStore'],
  certif_js_clear_coach_storage: function(serial) {
    CertifStore.write(['coach', 'coach_files'], function(tx) {
      tx.objectStore('coach').clear();
      tx.objectStore('coach_files').clear();
    }, '', serial);
  },

  // A stored file as a Blob (callback(blob) or callback(null)); from the heap instead (size > 0) while
  // its write to local storage is not confirmed.
  $CertifCoachFiles__deps: ['$CertifStore'],
  $CertifCoachFiles: {
    fromHeapOrStore: function(key, data_ptr, size, callback) {
      if (size > 0) { callback(new Blob([HEAPU8.slice(data_ptr, data_ptr + size)])); return; }
      CertifCoachFiles.get(key, callback);
    },
    get: function(key, callback) {
      if (!CertifStore.db) { callback(null); return; }
      try {
        var req = CertifStore.db.transaction(['coach_files'], 'readonly').objectStore('coach_files').get(key);
        req.onsuccess = function() { callback(req.result instanceof Blob ? req.result : null); };
        req.onerror = function() { callback(null); };
      } catch (e) { callback(null); }
    },
  },

  certif_js_load_coach_file__deps: ['$CertifCoachFiles', '$CertifPlatform'],
  certif_js_load_coach_file: function(key_ptr) {
    var key = UTF8ToString(key_ptr);
    var P = CertifPlatform;
    var report = function(bytes) {
      var p = bytes ? _malloc(Math.max(1, bytes.length)) : 0;
      if (p) HEAPU8.set(bytes, p);
      P.withString(key, function(k) { Module['_certif_on_coach_file'](k, p, bytes ? bytes.length : 0, bytes ? 1 : 0); });
      if (p) _free(p);
    };
    CertifCoachFiles.get(key, function(blob) {
      if (!blob) { report(null); return; }
      blob.arrayBuffer().then(function(b) { report(new Uint8Array(b)); }).catch(function() { report(null); });
    });
  },

  // A candidate's file (a PDF) in a new tab that gets no reference back to the app (noopener): the
  // document cannot reach or navigate this page. Opened as soon as the file is read (a few milliseconds
  // from local storage), still within the click's user activation.
  certif_js_open_coach_file__deps: ['$CertifCoachFiles'],
  certif_js_open_coach_file: function(key_ptr, type_ptr, data_ptr, size) {
    var type = UTF8ToString(type_ptr);
    CertifCoachFiles.fromHeapOrStore(UTF8ToString(key_ptr), data_ptr, size, function(blob) {
      if (!blob) return;
      var url = URL.createObjectURL(new Blob([blob], {type: type}));
      window.open(url, '_blank', 'noopener');
      setTimeout(function() { URL.revokeObjectURL(url); }, 300000);
    });
  },

  certif_js_save_coach_file__deps: ['$CertifCoachFiles'],
  certif_js_save_coach_file: function(key_ptr, name_ptr, type_ptr, data_ptr, size) {
    var name = UTF8ToString(name_ptr), type = UTF8ToString(type_ptr);
    CertifCoachFiles.fromHeapOrStore(UTF8ToString(key_ptr), data_ptr, size, function(blob) {
      if (!blob) return;
      var url = URL.createObjectURL(new Blob([blob], {type: type}));
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    });
  },

  // A document the app made (HTML, scripts impossible: it carries its own restrictive CSP) in a tab that
  // gets no reference back to the app (noopener; window.open then returns null whatever happened).
  certif_js_open_document: function(html_ptr) {
    var url = URL.createObjectURL(new Blob([UTF8ToString(html_ptr)], {type: 'text/html;charset=utf-8'}));
    window.open(url, '_blank', 'noopener');
    setTimeout(function() { URL.revokeObjectURL(url); }, 300000);
  },

  // A candidate's link: checked https by the app, opened without giving the new page a handle on ours.
  certif_js_open_url: function(url_ptr) {
    window.open(UTF8ToString(url_ptr), '_blank', 'noopener,noreferrer');
  },

  // 16 random bytes as 32 hex digits (salts), written into `out` (33 bytes).
  certif_js_entropy: function(out) {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var hex = '';
    for (var i = 0; i < 16; ++i) hex += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    stringToUTF8(hex, out, 33);
  },

  // A frame in `ms` milliseconds (a running timer), without drawing anything meanwhile.
  certif_js_wake_after__deps: ['$CertifPlatform'],
  certif_js_wake_after: function(ms) {
    if (CertifPlatform.wake) clearTimeout(CertifPlatform.wake);
    CertifPlatform.wake = setTimeout(function() {
      CertifPlatform.wake = 0;
      Module['_certif_on_wake']();
    }, Math.max(16, ms));
  },

  certif_js_post_work__deps: ['$CertifPlatform'],
  certif_js_post_work: function() {
    CertifPlatform.soon(function() { Module['_certif_on_work'](); });
  },

  // WebCrypto is there in secure contexts only (https, or http on localhost).
  certif_js_can_digest: function() {
    return typeof crypto === 'object' && crypto.subtle && typeof crypto.subtle.digest === 'function' ? 1 : 0;
  },

  // SHA-256 of bytes in the heap: WebCrypto copies them before digest() returns, then hashes them on a
  // thread of its own while the page goes on. The result (or its absence) comes back to C++.
  certif_js_digest: function(coach, owner, index, ptr, size) {
    var reply = function(digest) {
      var p = digest ? _malloc(32) : 0;
      if (p) HEAPU8.set(new Uint8Array(digest), p);
      Module['_certif_on_digest'](coach, owner, index, p, p ? 32 : 0);
      if (p) _free(p);
    };
    var pending;
    try {
      pending = crypto.subtle.digest('SHA-256', HEAPU8.subarray(ptr, ptr + size));
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(reply, function() { reply(null); });
  },

  certif_js_cancel_file__deps: ['$CertifFiles'],
  certif_js_cancel_file: function(job) { CertifFiles.cancelled[job] = true; },
});
