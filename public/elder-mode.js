// 长辈版 (large text), remembered between visits. A plain blocking script in <head> (a file, so the CSP
// needs no hash): it sets html.elder before the body is painted, so a returning reader sees no flash of
// small text. Without JavaScript the header checkbox still works on each page through CSS :has().
(function () {
  var KEY = 'pledge-portal:elder';
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { /* storage blocked: per-page only */ }
  if (saved === '1') root.classList.add('elder');
  function sync() {
    var box = document.getElementById('elder-toggle');
    if (box) box.checked = root.classList.contains('elder');
  }
  document.addEventListener('DOMContentLoaded', sync);
  addEventListener('pageshow', sync);
  document.addEventListener('change', function (ev) {
    var box = ev.target;
    if (!box || box.id !== 'elder-toggle') return;
    root.classList.toggle('elder', box.checked);
    try { localStorage.setItem(KEY, box.checked ? '1' : '0'); } catch (e) { /* per-page only */ }
  });
})();
