// Writes the date into the printed page's details (includes/print_details.html):
// the server cannot, because the page may come from a cache. The date is in the
// page's own language; "beforeprint" keeps it right in a tab left open for days.
(function () {
  function writeDate() {
    var now = new Date();
    document.querySelectorAll("time[data-rc-printed]").forEach(function (time) {
      var lang = time.closest("[lang]");
      time.dateTime = now.toISOString().slice(0, 10);
      time.textContent = now.toLocaleDateString(lang ? lang.lang : undefined, {
        day: "numeric",
        month: "long",
        year: "numeric",
      });
      time.parentElement.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", writeDate);
  } else {
    writeDate();
  }
  window.addEventListener("beforeprint", writeDate);
})();
