// Progressive enhancement only: every page works without this file.
// Time zone fields (data-browser-zone) start from this device's IANA zone
// when empty, and otherwise offer a button to switch to it.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var fields = document.querySelectorAll("input[data-browser-zone]");
  Array.prototype.forEach.call(fields, function (input) {
    if (input.value === "") {
      input.value = zone;
      return;
    }
    if (input.value === zone) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = input.getAttribute("data-browser-zone").replace("{zone}", zone);
    button.addEventListener("click", function () {
      input.value = zone;
      button.remove();
      input.focus();
    });
    input.insertAdjacentElement("afterend", button);
  });
})();
