// While a report is being prepared, look again every few seconds (the page works without
// this: it has a "Check again" link).
(function () {
  var pending = document.querySelector("[data-report-pending]");
  if (pending) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
