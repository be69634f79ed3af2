// What C++'s effect executor asks the page to do (C++ half: src/platform/effects.cpp): local storage
// (IndexedDB for the draft, its files and the coach's workspace; localStorage for small values), files
// picked and read, downloads, documents and links opened in tabs that cannot reach the app, WebCrypto
// digests and RS256 signatures, images decoded for their QR code, announcements, the page's title and
// language. Every outcome is reported back to C++.
//
// [SECTION] Storage       — CertifStore, the draft and its files
// [SECTION] Files in      — CertifFiles: picked or dropped files read into C++
// [SECTION] Files out     — CertifOut: downloads and tabs
// [SECTION] Coach         — the coach's workspace and its files
// [SECTION] Page          — announcements, title, language, entropy, digests

mergeInto(LibraryManager.library, {
  // [SECTION] Storage ------------------------------------------------------------------------------------

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

    // Empties `stores` in one transaction.
    clear: function(stores, serial) {
      CertifStore.write(stores, function(tx) {
        stores.forEach(function(name) { tx.objectStore(name).clear(); });
      }, '', serial);
    },
  },

  certif_js_storage_load__deps: ['$CertifStore', '$CertifPlatform'],
  certif_js_storage_load: function() {
    var S = CertifStore, P = CertifPlatform;
    var report = function(answers, savedAt, error) {
      var a = P.mallocString(answers);
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
            P.withBytes(bytes, function(p) {
              P.withString(f[0], function(id) { Module['_certif_on_attachment_loaded'](id, p, bytes.length); });
            });
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
  certif_js_clear_storage: function(serial) { CertifStore.clear(['draft', 'attachments'], serial); },

  certif_js_set_unsaved__deps: ['$CertifStore'],
  certif_js_set_unsaved: function(count) { CertifStore.unsaved = count; },

  // Small values (preferences, the coach's profile) in localStorage: a malloc'd string, or 0.
  certif_js_store_get__deps: ['$CertifPlatform'],
  certif_js_store_get: function(key_ptr) {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key_ptr)); } catch (e) { v = null; }
    return CertifPlatform.mallocString(v);
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

  // [SECTION] Files in -----------------------------------------------------------------------------------

  // Files chosen or dropped: read by the browser, then handed to C++ 16 MB per task, so the page keeps
  // drawing (progress bar) between them and C++ hashes as it goes.
  $CertifFiles__deps: ['$CertifPlatform', '$CertifScheduler'],
  $CertifFiles: {
    next: 1,
    active: 0,
    cancelled: {},
    paused: {},     // job -> true (hold after the current chunk), or the step that waits to go on
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
          var finish = function() { CertifFiles.active--; delete CertifFiles.cancelled[job]; delete CertifFiles.paused[job]; resolve(); };
          if (CertifFiles.cancelled[job]) { finish(); return; }
          file.arrayBuffer().then(function(buffer) {
            var bytes = new Uint8Array(buffer);
            var off = 0;
            var step = function() {
              if (CertifFiles.cancelled[job]) { finish(); return; }
              if (CertifFiles.paused[job]) { CertifFiles.paused[job] = step; return; }   // resume() calls it
              if (off >= bytes.length) {
                Module['_certif_on_file_end'](job);
                finish();
                return;
              }
              var part = bytes.subarray(off, Math.min(bytes.length, off + CertifFiles.chunk));
              off += part.length;
              P.withBytes(part, function(p) { Module['_certif_on_file_chunk'](job, p, part.length); });
              CertifScheduler.soon(step);   // a task per chunk: frames (the progress) come in between
            };
            CertifScheduler.soon(step);
          }).catch(function(err) {
            P.withString((err && err.name) || 'NotReadableError', function(e) { Module['_certif_on_file_failed'](job, e); });
            finish();
          });
        });
      });
    },

    // A held reading carries on (or, cancelled, ends) with its next chunk.
    resume: function(job) {
      var waiting = CertifFiles.paused[job];
      delete CertifFiles.paused[job];
      if (typeof waiting === 'function') CertifScheduler.soon(waiting);
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
        // Named, and inside the page's landmark, for assistive technology (the picker names its own files).
        input.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Files to add' : 'Fichiers à ajouter');
        (document.querySelector('main') || document.body).appendChild(input);
        CertifFiles.input = input;
      }
      input.multiple = !!multiple;
      input.accept = piece === '#keys' ? '.txt,.key,text/plain'
                   : piece === '#verify' ? '.jwt,.json,.txt,.png,.jpg,.jpeg,.webp,image/*,application/json,text/plain'
                   : piece === '#coach' ? '.json,.age,application/json'
                   : piece.charAt(0) === '#' ? '.json,application/json'
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

  certif_js_pick_files__deps: ['$CertifFiles'],
  certif_js_pick_files: function(piece_ptr, replaces_ptr, multiple) {
    CertifFiles.pick(UTF8ToString(piece_ptr), UTF8ToString(replaces_ptr), multiple);
  },
  certif_js_cancel_file__deps: ['$CertifFiles'],
  certif_js_cancel_file: function(job) { CertifFiles.cancelled[job] = true; CertifFiles.resume(job); },
  certif_js_pause_file__deps: ['$CertifFiles'],
  certif_js_pause_file: function(job, paused) {
    if (paused) CertifFiles.paused[job] = CertifFiles.paused[job] || true;
    else CertifFiles.resume(job);
  },

  // [SECTION] Files out ----------------------------------------------------------------------------------

  // Bytes leave the app as Blobs: saved under a name (a download), or opened in a tab that gets no
  // reference back to the app (noopener: the document cannot reach or navigate this page).
  $CertifOut: {
    save: function(blob, name) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    },
    open: function(blob) {
      var url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(function() { URL.revokeObjectURL(url); }, 300000);
    },
  },

  certif_js_download__deps: ['$CertifOut'],
  certif_js_download: function(name_ptr, type_ptr, data_ptr, size) {
    // A copy: the heap may move or be reused.
    CertifOut.save(new Blob([HEAPU8.slice(data_ptr, data_ptr + size)], {type: UTF8ToString(type_ptr)}), UTF8ToString(name_ptr));
  },

  // A document the app made (HTML, scripts impossible: it carries its own restrictive CSP) in a tab that
  // gets no reference back to the app (noopener; window.open then returns null whatever happened).
  certif_js_open_document__deps: ['$CertifOut'],
  certif_js_open_document: function(html_ptr) {
    CertifOut.open(new Blob([UTF8ToString(html_ptr)], {type: 'text/html;charset=utf-8'}));
  },

  // A candidate's link: checked https by the app, opened without giving the new page a handle on ours.
  certif_js_open_url: function(url_ptr) {
    window.open(UTF8ToString(url_ptr), '_blank', 'noopener,noreferrer');
  },

  // A mail draft (RFC 6068 link built by the app): nothing but mailto: goes through here.
  certif_js_open_mailto: function(uri_ptr) {
    var uri = UTF8ToString(uri_ptr);
    if (uri.slice(0, 7) !== 'mailto:') return;
    window.open(uri, '_blank', 'noopener,noreferrer');
  },

  // [SECTION] Coach --------------------------------------------------------------------------------------

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
  certif_js_clear_coach_storage: function(serial) { CertifStore.clear(['coach', 'coach_files'], serial); },

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
      P.withBytes(bytes, function(p) {
        P.withString(key, function(k) { Module['_certif_on_coach_file'](k, p, bytes ? bytes.length : 0, bytes ? 1 : 0); });
      });
    };
    CertifCoachFiles.get(key, function(blob) {
      if (!blob) { report(null); return; }
      blob.arrayBuffer().then(function(b) { report(new Uint8Array(b)); }).catch(function() { report(null); });
    });
  },

  // A candidate's file (a PDF) in a new tab that cannot reach the app. Opened as soon as the file is read
  // (a few milliseconds from local storage), still within the click's user activation.
  certif_js_open_coach_file__deps: ['$CertifCoachFiles', '$CertifOut'],
  certif_js_open_coach_file: function(key_ptr, type_ptr, data_ptr, size) {
    var type = UTF8ToString(type_ptr);
    CertifCoachFiles.fromHeapOrStore(UTF8ToString(key_ptr), data_ptr, size, function(blob) {
      if (blob) CertifOut.open(new Blob([blob], {type: type}));
    });
  },

  certif_js_save_coach_file__deps: ['$CertifCoachFiles', '$CertifOut'],
  certif_js_save_coach_file: function(key_ptr, name_ptr, type_ptr, data_ptr, size) {
    var name = UTF8ToString(name_ptr), type = UTF8ToString(type_ptr);
    CertifCoachFiles.fromHeapOrStore(UTF8ToString(key_ptr), data_ptr, size, function(blob) {
      if (blob) CertifOut.save(new Blob([blob], {type: type}), name);
    });
  },

  // [SECTION] Page ---------------------------------------------------------------------------------------

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
  // 16 random bytes as 32 hex digits (salts), written into `out` (33 bytes).
  certif_js_entropy: function(out) {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var hex = '';
    for (var i = 0; i < 16; ++i) hex += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    stringToUTF8(hex, out, 33);
  },
  // `size` random bytes from the browser's CSPRNG into `out` (sealing keys and sealed exports); 1 when done.
  certif_js_random: function(out, size) {
    if (typeof crypto !== 'object' || typeof crypto.getRandomValues !== 'function') return 0;
    // getRandomValues takes at most 65536 bytes a call.
    for (var at = 0; at < size; at += 65536) crypto.getRandomValues(HEAPU8.subarray(out + at, out + Math.min(size, at + 65536)));
    return 1;
  },
  // WebCrypto is there in secure contexts only (https, or http on localhost).
  certif_js_can_digest: function() {
    return typeof crypto === 'object' && crypto.subtle && typeof crypto.subtle.digest === 'function' ? 1 : 0;
  },

  // SHA-256 of bytes in the heap: WebCrypto copies them before digest() returns, then hashes them on a
  // thread of its own while the page goes on. The result (or its absence) comes back to C++.
  certif_js_digest__deps: ['$CertifPlatform'],
  certif_js_digest: function(coach, owner, index, ptr, size) {
    var reply = function(digest) {
      CertifPlatform.withBytes(digest ? new Uint8Array(digest) : null, function(p) {
        Module['_certif_on_digest'](coach, owner, index, p, p ? 32 : 0);
      });
    };
    var pending;
    try {
      pending = crypto.subtle.digest('SHA-256', HEAPU8.subarray(ptr, ptr + size));
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(reply, function() { reply(null); });
  },

  // Is `signature` an RS256 signature of `data` under the public JWK? WebCrypto alone checks it (no
  // cryptography of our own); -1 when it cannot (no WebCrypto outside a secure context, a key it refuses).
  certif_js_verify_rs256__deps: ['$CertifPlatform'],
  certif_js_verify_rs256: function(request, jwk_ptr, data_ptr, size, sig_ptr, sig_size) {
    var reply = function(result, error) {
      CertifPlatform.withString(error || '', function(e) { Module['_certif_on_signature'](request, result, e); });
    };
    var subtle = typeof crypto === 'object' && crypto.subtle;
    if (!subtle || typeof subtle.verify !== 'function') { setTimeout(function() { reply(-1, 'NotSupportedError'); }, 0); return; }
    var algorithm = {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'};
    var data = HEAPU8.slice(data_ptr, data_ptr + size), signature = HEAPU8.slice(sig_ptr, sig_ptr + sig_size);
    var pending;
    try {
      pending = subtle.importKey('jwk', JSON.parse(UTF8ToString(jwk_ptr)), algorithm, false, ['verify']).then(function(key) {
        return subtle.verify(algorithm, key, signature, data);
      });
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(function(ok) { reply(ok ? 1 : 0, ''); }, function(e) { reply(-1, (e && e.name) || 'Error'); });
  },

  // The certifier's signing key pair, made by WebCrypto (RS256: RSASSA-PKCS1-v1_5, 2048 bits, e = 65537,
  // SHA-256), extractable so that its private JWK can be kept and backed up; the JWK goes to C++.
  certif_js_generate_signing_key__deps: ['$CertifPlatform'],
  certif_js_generate_signing_key: function(request) {
    var reply = function(jwk, error) {
      CertifPlatform.withString(jwk || '', function(j) {
        CertifPlatform.withString(error || '', function(e) { Module['_certif_on_signing_key'](request, j, e); });
      });
    };
    var subtle = typeof crypto === 'object' && crypto.subtle;
    if (!subtle || typeof subtle.generateKey !== 'function') { setTimeout(function() { reply('', 'NotSupportedError'); }, 0); return; }
    var algorithm = {name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256'};
    var pending;
    try {
      pending = subtle.generateKey(algorithm, true, ['sign', 'verify']).then(function(pair) {
        return subtle.exportKey('jwk', pair.privateKey);
      });
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(function(jwk) { reply(JSON.stringify(jwk), ''); }, function(e) { reply('', (e && e.name) || 'Error'); });
  },

  // The RS256 signature of `data` under a private JWK: WebCrypto alone signs (no cryptography of our own).
  certif_js_sign_rs256__deps: ['$CertifPlatform'],
  certif_js_sign_rs256: function(request, jwk_ptr, data_ptr, size) {
    var reply = function(signature, error) {
      CertifPlatform.withBytes(signature ? new Uint8Array(signature) : null, function(p) {
        CertifPlatform.withString(error || '', function(e) { Module['_certif_on_signed'](request, p, signature ? signature.byteLength : 0, e); });
      });
    };
    var subtle = typeof crypto === 'object' && crypto.subtle;
    if (!subtle || typeof subtle.sign !== 'function') { setTimeout(function() { reply(null, 'NotSupportedError'); }, 0); return; }
    var algorithm = {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'};
    var data = HEAPU8.slice(data_ptr, data_ptr + size);
    var pending;
    try {
      pending = subtle.importKey('jwk', JSON.parse(UTF8ToString(jwk_ptr)), algorithm, false, ['sign']).then(function(key) {
        return subtle.sign(algorithm, key, data);
      });
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(function(sig) { reply(sig, ''); }, function(e) { reply(null, (e && e.name) || 'Error'); });
  },

  // An image (a photo or a screenshot of an attestation's QR code) decoded by the browser, no larger than
  // max_pixels, on white; its RGBA goes to C++ a band of rows at a time (C++ keeps it as grayscale).
  certif_js_decode_image__deps: ['$CertifPlatform'],
  certif_js_decode_image: function(request, data_ptr, size, type_ptr, max_pixels) {
    var blob = new Blob([HEAPU8.slice(data_ptr, data_ptr + size)], {type: UTF8ToString(type_ptr)});
    var fail = function(e) {
      CertifPlatform.withString((e && e.name) || 'EncodingError', function(p) { Module['_certif_on_image_failed'](request, p); });
    };
    createImageBitmap(blob).then(function(bitmap) {
      var k = Math.min(1, Math.sqrt(max_pixels / Math.max(1, bitmap.width * bitmap.height)));
      var w = Math.max(1, Math.floor(bitmap.width * k)), h = Math.max(1, Math.floor(bitmap.height * k));
      var canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      var ctx = canvas.getContext('2d', {willReadFrequently: true});
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(bitmap, 0, 0, w, h);
      bitmap.close();
      Module['_certif_on_image_begin'](request, w, h);
      var band = Math.max(1, Math.floor((1 << 20) / (4 * w)));   // about 1 MB of RGBA at a time
      for (var y = 0; y < h; y += band) {
        var rows = Math.min(band, h - y);
        CertifPlatform.withBytes(ctx.getImageData(0, y, w, rows).data, function(p) { Module['_certif_on_image_rows'](request, rows, p); });
      }
      Module['_certif_on_image_end'](request);
    }).catch(fail);
  },
});
