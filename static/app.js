// ombud: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // After a failed submit, move focus to the list of errors so it is read out first.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();

// Warns five minutes before an idle session ends, and then shows the login page.
(function () {
  "use strict";
  var body = document.body;
  var expires = Number(body.getAttribute("data-session-expires"));
  if (!expires) return;
  var box = document.getElementById("session-warning");
  var now = Date.now() / 1000;
  var warnIn = (expires - now - 300) * 1000;
  var endIn = (expires - now + 2) * 1000;
  if (box && warnIn > 0) {
    window.setTimeout(function () {
      box.textContent = body.getAttribute("data-session-warning");
      box.hidden = false;
    }, warnIn);
  }
  if (endIn > 0) {
    window.setTimeout(function () {
      window.location.assign("/login?expired=1&next=" + encodeURIComponent(window.location.pathname));
    }, endIn);
  }
})();
