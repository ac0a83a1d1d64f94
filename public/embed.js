/*! Paperdeck embed: put Paperdeck's card view on any page, sized to fit.
 *
 *   <script src="https://lab.example/papers/embed.js"
 *           data-view="q=lora&sort=newest&limit=5" async></script>
 *
 * Inserts an iframe in the script's place, showing the explorer that sits next to this
 * file with that view plus embed=1, and resizes it to its content. Attributes:
 *   data-view     the view, as URL parameters (docs/url-parameters.md)
 *   data-title    the iframe's accessible title (default "Papers")
 *   data-height   the height in pixels before the first resize (default 400)
 *   data-sandbox  "1" to sandbox the iframe (allow-scripts allow-popups, no same-origin);
 *                 the explorer's host must then send Access-Control-Allow-Origin: *
 * Colours follow the host page, not the visitor's system: unless data-view sets theme,
 * the embed gets the scheme of the background the page shows around the script (see
 * hostScheme), read once its stylesheets have loaded, as theme=light or theme=dark where
 * that differs from the visitor's system.
 * Each embed listens only to messages whose source is its own iframe and whose origin is
 * the explorer's, and only to {type: "paperdeck:height", height}. No dependencies.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var explorer = new URL('./', script.src);
  var params = new URLSearchParams((script.getAttribute('data-view') || '').replace(/^\?/, ''));
  params.set('embed', '1');
  var sandboxed = script.getAttribute('data-sandbox') === '1';

  var iframe = document.createElement('iframe');
  iframe.title = script.getAttribute('data-title') || 'Papers';
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('data-paperdeck-embed', '');
  if (sandboxed) iframe.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
  var initial = parseInt(script.getAttribute('data-height') || '400', 10);
  iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (initial > 0 ? initial : 400) + 'px';
  script.parentNode.insertBefore(iframe, script);

  // The page's colours are known once its stylesheets are in: an async script can run
  // before a stylesheet in <head> has loaded. Leaving the first about:blank replaces it,
  // so setting src later adds no history entry.
  whenStyled(function () {
    var system = systemScheme();
    var scheme = hostScheme(iframe.parentElement, system);
    // theme=auto (the default, left out) already gives the visitor's system's scheme; the
    // URL names a theme only to differ from it, so it stays as written where it can.
    if (!params.has('theme') && scheme !== system) params.set('theme', scheme);
    // The frame's colour scheme is the host's: where the embed's theme matches it (always,
    // unless data-view sets theme), its transparent background shows the host page; where
    // it differs, browsers that follow CSS Color Adjustment (Chromium) paint an opaque
    // backdrop of the embed's scheme, so its text stays readable.
    iframe.style.colorScheme = scheme === 'dark' ? 'dark' : 'normal';
    iframe.src = explorer.href + '?' + params.toString();
  });

  window.addEventListener('message', function (event) {
    if (event.source !== iframe.contentWindow) return;
    // A sandboxed frame without same-origin has the opaque origin "null".
    var expected = sandboxed ? 'null' : explorer.origin;
    if (event.origin !== expected) return;
    var data = event.data;
    if (!data || data.type !== 'paperdeck:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0) return;
    iframe.style.height = Math.min(Math.ceil(height), 100000) + 'px';
  });

  /** Calls `done` now, or once the page has loaded if a stylesheet is still loading. */
  function whenStyled(done) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    var pending = false;
    for (var i = 0; i < links.length; i++) if (!links[i].sheet && !links[i].disabled) pending = true;
    if (!pending || document.readyState === 'complete') done();
    else window.addEventListener('load', function () { done(); });
  }

  /**
   * "dark" or "light": what the host page shows behind `element`. Its own background
   * colour and its ancestors', blended until one is opaque, over the page's canvas (white,
   * or dark where the page's color-scheme asks for dark: `dark` alone, or `light dark`
   * with the visitor's system in dark mode). Dark when that colour's relative luminance
   * is below 0.179, where black and white text contrast with it equally. Background
   * images are not looked at. Without a 2D canvas to read colours with, the visitor's
   * system decides.
   */
  function hostScheme(element, system) {
    var systemDark = system === 'dark';
    var canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    var context = canvas.getContext && canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return systemDark ? 'dark' : 'light';
    // Any CSS colour (rgb(), oklch(), color(), …) as sRGB bytes [r, g, b, a].
    function rgba(color) {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = 'rgba(0, 0, 0, 0)';
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return context.getImageData(0, 0, 1, 1).data;
    }
    var layers = [];
    for (var el = element; el; el = el.parentElement) {
      var color = getComputedStyle(el).backgroundColor;
      var alpha = rgba(color)[3];
      if (alpha === 0) continue;
      layers.push(color);
      if (alpha === 255) break;
    }
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = canvasIsDark(systemDark) ? '#121212' : '#ffffff';
    context.fillRect(0, 0, 1, 1);
    for (var i = layers.length - 1; i >= 0; i--) {
      context.fillStyle = layers[i];
      context.fillRect(0, 0, 1, 1);
    }
    var px = context.getImageData(0, 0, 1, 1).data;
    var luminance = 0.2126 * linear(px[0]) + 0.7152 * linear(px[1]) + 0.0722 * linear(px[2]);
    return luminance < 0.179 ? 'dark' : 'light';
  }

  /** The visitor's system's scheme, "dark" or "light". */
  function systemScheme() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** Whether the browser paints the page's canvas dark, by its color-scheme. */
  function canvasIsDark(systemDark) {
    var scheme = getComputedStyle(document.documentElement).colorScheme || 'normal';
    if (scheme === 'normal') {
      var meta = document.querySelector('meta[name="color-scheme"]');
      scheme = meta ? meta.getAttribute('content') || '' : '';
    }
    var words = scheme.toLowerCase().split(/[\s,]+/);
    var dark = words.indexOf('dark') >= 0;
    var light = words.indexOf('light') >= 0;
    return dark && (!light || systemDark);
  }

  /** An sRGB byte as linear light (WCAG relative luminance). */
  function linear(byte) {
    var c = byte / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
})();
