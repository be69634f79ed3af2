// Start-up glue for certif.js: the Module object, the loading and error screens, capability checks.
// Loaded before certif.js (both `defer`, so in order); no inline script anywhere (the CSP forbids it).
'use strict';

(function () {
  var messages = {
    webgl2: "Votre navigateur ne permet pas WebGL 2, dont l'application a besoin pour s'afficher. " +
            "Essayez une version récente de Firefox, Chrome, Edge ou Safari, ou activez l'accélération graphique.",
    wasm: "Votre navigateur ne permet pas WebAssembly, dont l'application a besoin. " +
          "Essayez une version récente de Firefox, Chrome, Edge ou Safari.",
    abort: "Une erreur interne a arrêté l'application. Vos données déjà enregistrées restent dans ce navigateur : " +
           "rechargez la page pour reprendre.",
    load: "Les fichiers de l'application n'ont pas pu être chargés. Vérifiez la connexion au site, puis rechargez la page.",
  };

  function showFatal(code, detail) {
    var box = document.getElementById('fatal');
    document.getElementById('fatal-message').textContent = messages[code] || messages.abort;
    document.getElementById('fatal-detail').textContent = detail ? String(detail) : '';
    box.hidden = false;
    var loading = document.getElementById('loading');
    if (loading) loading.hidden = true;
  }
  window.certifShowFatal = showFatal;

  // Inside a frame the app does not start: the page around it could lay it out under its own content and
  // have the user click the app's buttons unawares (clickjacking). A plain message and a link that opens
  // the app in a tab of its own take its place. (Hosts should also send `Content-Security-Policy:
  // frame-ancestors 'none'`, see README: that stops the browser from framing it at all.)
  var framed;
  try { framed = window.top !== window.self; } catch (e) { framed = true; }
  if (framed) {
    document.documentElement.classList.add('framed');
    var links = document.querySelectorAll('#framed a');
    for (var i = 0; i < links.length; ++i) links[i].href = location.href;
    document.getElementById('framed').hidden = false;
    document.getElementById('loading').hidden = true;
    // certif.js still loads (it is in the page), but its WebAssembly is never instantiated: nothing runs,
    // nothing is read from or written to this site's storage.
    window.Module = { noInitialRun: true, instantiateWasm: function () { return {}; } };
    return;
  }

  if (typeof WebAssembly !== 'object') {
    showFatal('wasm');
    window.Module = { noInitialRun: true, preRun: [function () { throw new Error('no WebAssembly'); }] };
    return;
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { showFatal('abort', what); },
    // Relative URLs only: the folder can be served from any path (e.g. /certif/).
    locateFile: function (path) { return path; },
  };

  // Offline use: the service worker keeps the app's files once they have been loaded. Registered after
  // the first frame (it then downloads nothing the start-up is waiting for), only where the browser
  // allows it (http(s), secure context); if registering fails, the app simply needs the network.
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener('certif-ready', function () {
      try {
        navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch(function (err) {
          console.warn('certif-intra: offline use unavailable:', err && err.message);
        });
      } catch (err) {
        console.warn('certif-intra: offline use unavailable:', err && err.message);
      }
    });
  }

  window.addEventListener('error', function (e) {
    if (e.target && (e.target.tagName === 'SCRIPT')) showFatal('load', e.target.src);
  }, true);
})();
