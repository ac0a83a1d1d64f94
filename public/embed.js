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
  iframe.src = explorer.href + '?' + params.toString();
  iframe.title = script.getAttribute('data-title') || 'Papers';
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('data-paperdeck-embed', '');
  if (sandboxed) iframe.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
  var initial = parseInt(script.getAttribute('data-height') || '400', 10);
  iframe.style.cssText = 'display:block;width:100%;border:0;color-scheme:normal;height:' +
    (initial > 0 ? initial : 400) + 'px';
  script.parentNode.insertBefore(iframe, script);

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
})();
