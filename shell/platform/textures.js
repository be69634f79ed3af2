// Images decoded by the browser into GL textures (C++ half: src/platform/textures.cpp).

mergeInto(LibraryManager.library, {
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
});
