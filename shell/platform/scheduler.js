// Frames and tasks for the scheduler (C++ half: src/platform/scheduler.cpp): an animation frame only when
// C++ asks for one, tasks of their own for long work, a timer for a frame later.

mergeInto(LibraryManager.library, {
  $CertifScheduler: {
    rafPending: false,

    requestFrame: function() {
      if (CertifScheduler.rafPending) return;
      CertifScheduler.rafPending = true;
      requestAnimationFrame(function(now) {
        CertifScheduler.rafPending = false;
        Module['_certif_frame'](now);
      });
    },

    // Runs fn in a task of its own, as soon as the page is free: no wait for the display as with
    // requestAnimationFrame, no 4 ms clamp as with a nested setTimeout. In order.
    soon: function(fn) {
      var P = CertifScheduler;
      if (!P.soonPort) {
        var channel = new MessageChannel();
        P.soonQueue = [];
        channel.port1.onmessage = function() { var f = P.soonQueue.shift(); if (f) f(); };
        P.soonPort = channel.port2;
      }
      P.soonQueue.push(fn);
      P.soonPort.postMessage(0);
    },
  },

  certif_js_request_frame__deps: ['$CertifScheduler'],
  certif_js_request_frame: function() { CertifScheduler.requestFrame(); },

  // A frame in `ms` milliseconds (a running timer), without drawing anything meanwhile.
  certif_js_wake_after__deps: ['$CertifScheduler'],
  certif_js_wake_after: function(ms) {
    if (CertifScheduler.wake) clearTimeout(CertifScheduler.wake);
    CertifScheduler.wake = setTimeout(function() {
      CertifScheduler.wake = 0;
      Module['_certif_on_wake']();
    }, Math.max(16, ms));
  },

  certif_js_post_work__deps: ['$CertifScheduler'],
  certif_js_post_work: function() {
    CertifScheduler.soon(function() { Module['_certif_on_work'](); });
  },
});
