// Progressive enhancement only: every page works with plain forms and links without it.
(function () {
  "use strict";

  // Attendance: mark without reloading the page, so the list keeps its scroll position.
  function updateCount() {
    var buttons = document.querySelectorAll("form[data-attendance] button");
    var attended = document.querySelectorAll('form[data-attendance] button[aria-pressed="true"]').length;
    var count = document.querySelector("[data-attendance-count]");
    if (count) {
      count.textContent = attended + " of " + buttons.length + " attended; " +
        (buttons.length - attended) + " not marked.";
    }
  }

  document.querySelectorAll("form[data-attendance]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, {method: "POST", body: new FormData(form), headers: {Accept: "application/json"}})
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (data) {
          form.querySelector('input[name="attended"]').value = data.attended ? "no" : "yes";
          button.setAttribute("aria-pressed", data.attended ? "true" : "false");
          button.classList.toggle("btn-success", data.attended);
          button.classList.toggle("btn-outline-secondary", !data.attended);
          button.querySelector(".attendance-state").textContent = data.attended ? "✓ Attended" : "Not marked";
          updateCount();
        })
        .catch(function () { form.submit(); })
        .finally(function () { button.disabled = false; });
    });
  });

  // Evaluation links: a copy button beside each read-only link.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-copy"));
      input.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(input.value); }
      button.firstChild.textContent = "Copied";
    });
  });

  // Sign-in sheet: a print button.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
