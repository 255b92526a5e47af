// crosscheck report: finding filters and a flash on the target of a link.
(function () {
  "use strict";
  document.querySelectorAll(".kind-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.value, !box.checked);
    });
  });
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var marks = document.querySelectorAll('mark[data-f~="' + id.replace(/"/g, "") + '"]');
    var target = marks.length ? marks : [document.getElementById(id)];
    target.forEach(function (el) {
      if (!el) return;
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
    });
  }
  window.addEventListener("hashchange", flash);
  flash();
})();
