// window.certif, the automation API (C++ half: src/platform/api.cpp), built once the first frame is drawn.
// Its names are an interface other tools rely on: add, never rename or remove.

mergeInto(LibraryManager.library, {
  $CertifApi__deps: ['$CertifPlatform'],
  $CertifApi: {
    install: function() {
      var api = function(fn) { return JSON.parse(UTF8ToString(Module[fn]())); };
      window.certif = Object.freeze({
        version: UTF8ToString(Module['_certif_api_version']()),
        stats: function() { return api('_certif_api_stats'); },
        widgets: function() { return api('_certif_api_widgets'); },
        // Texts drawn wider than what shows them (cut) in the last frame: [{text, right, clip_right}].
        clipped: function() { return api('_certif_api_clipped'); },
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
  },
});
