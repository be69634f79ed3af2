// The page's side of start-up (C++ half: src/platform/init.cpp): the shared CertifPlatform object (the
// canvas, the hidden textarea, the live region, the pixel ratio), the canvas sized to CSS × devicePixelRatio,
// the page's listeners installed (callbacks.js), the first frame shown, the host's settings read.
// Linked into certif.js with --js-library, as every file of shell/platform/ (see platform.hpp).
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
    composing: false,
    textActive: false,
    dpr: 1,
    dprQuery: null,
    clipboardForEvent: null,   // text ImGui copied during a synchronous copy/cut frame

    // `s` as a NUL-terminated UTF-8 string in the heap for the time of fn(pointer).
    withString: function(s, fn) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      try { fn(p); } finally { _free(p); }
    },

    // A copy of `bytes` (a Uint8Array, or null: pointer 0) in the heap for the time of fn(pointer).
    withBytes: function(bytes, fn) {
      if (!bytes) { fn(0); return; }
      var p = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, p);   // HEAPU8 is read after malloc: memory may have grown
      try { fn(p); } finally { _free(p); }
    },

    // `s` as a malloc'd UTF-8 string that C++ frees; 0 for null.
    mallocString: function(s) {
      if (s === null) return 0;
      var n = lengthBytesUTF8(s) + 1;
      var p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    },

    // config.js's member `name` as JSON text for C++ to check (what cannot be stringified: "unreadable"),
    // malloc'd; 0 when config.js does not give it.
    configJson: function(name) {
      var c = (typeof self.certifConfig === 'object' && self.certifConfig) ? self.certifConfig[name] : undefined;
      if (c === undefined || c === null) return 0;
      var text;
      try { text = JSON.stringify(c); } catch (e) { text = '"unreadable"'; }
      return CertifPlatform.mallocString(text === undefined ? '"unreadable"' : text);
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

    setup: function() {
      var P = CertifPlatform;
      P.canvas = Module['canvas'];
      P.textarea = document.getElementById('text-input');
      P.live = document.getElementById('live');
      P.dpr = window.devicePixelRatio || 1;
      P.watchDpr();
      window.addEventListener('resize', P.resize);
    },
  },

  certif_js_init__deps: ['$CertifPlatform', '$CertifEvents'],
  certif_js_init: function() {
    CertifPlatform.setup();
    CertifEvents.install();
    CertifPlatform.resize();
  },

  certif_js_first_frame__deps: ['$CertifPlatform', '$CertifScheduler', '$CertifApi'],
  certif_js_first_frame: function() {
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
    document.documentElement.classList.add('ready');
    // Focus (which makes the browser lay the page out at once) and the ready event (service worker)
    // in a task of their own: this frame reaches the screen first.
    CertifScheduler.soon(function() {
      CertifPlatform.syncFocus();
      window.dispatchEvent(new Event('certif-ready'));
    });
    CertifApi.install();
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


  // The host's settings from config.js (see web/config.js): the accessibility contact, malloc'd, or 0.
  certif_js_site_contact__deps: ['$CertifPlatform'],
  certif_js_site_contact: function() {
    var c = (typeof self.certifConfig === 'object' && self.certifConfig) ? self.certifConfig.accessibilityContact : '';
    return typeof c === 'string' && c !== '' ? CertifPlatform.mallocString(c) : 0;
  },
  // ---- sealed delivery (#16): config.js `sealTo`, as JSON text for C++ to check, malloc'd, or 0 ----
  certif_js_site_seal_to__deps: ['$CertifPlatform'],
  certif_js_site_seal_to: function() { return CertifPlatform.configJson('sealTo'); },

  // ---- verification page (#17): config.js `credentials`, as JSON text for C++ to check, malloc'd, or 0 ----
  certif_js_site_credentials__deps: ['$CertifPlatform'],
  certif_js_site_credentials: function() { return CertifPlatform.configJson('credentials'); },
  // The page's fragment (an attestation's QR code opens …/verifier#<code>), read once at start, malloc'd, or
  // 0. It stays in this page: browsers never send a fragment to the server, and neither does the app.
  certif_js_location_fragment__deps: ['$CertifPlatform'],
  certif_js_location_fragment: function() {
    var h = (window.location && window.location.hash) || '';
    return h.length > 1 ? CertifPlatform.mallocString(h.substring(1)) : 0;
  },

  // config.js's programme and sessions (see web/config.js) as one JSON text the app reads: malloc'd, or 0
  // when config.js gives neither. Values are passed as they are, so that the app can name what is wrong.
  certif_js_site_programme__deps: ['$CertifPlatform'],
  certif_js_site_programme: function() {
    var c = (typeof self.certifConfig === 'object' && self.certifConfig) ? self.certifConfig : {};
    if (c.programme === undefined && c.sessions === undefined) return 0;
    var text;
    try { text = JSON.stringify({ programme: c.programme === undefined ? null : c.programme,
                                  sessions: c.sessions === undefined ? null : c.sessions }); } catch (e) { return 0; }
    return CertifPlatform.mallocString(text);
  },
});
