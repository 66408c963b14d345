// While a report or a site archive is being prepared, ask the server for the page again every
// few seconds in the background and update the status card in place: the card is a polite live
// region, so a screen reader hears the new status, and focus stays where the person left it
// (a reload would move it to the top). Polling stops when the job is ready or failed, after ten
// minutes, or when the person presses "Stop checking" (WCAG 2.2.2). Without JavaScript the card
// keeps its "Check again" link.
const card = document.querySelector("[data-report-pending]");
if (card) {
  const INTERVAL = 3000;
  const LONGEST = 10 * 60 * 1000;
  const started = Date.now();
  let timer;

  const stopButton = document.createElement("button");
  stopButton.type = "button";
  stopButton.className = "nhsuk-button nhsuk-button--secondary";
  stopButton.textContent = "Stop checking for updates";
  card.after(stopButton);

  const stop = (message) => {
    window.clearTimeout(timer);
    stopButton.remove();
    if (message) {
      const note = document.createElement("p");
      note.textContent = message;
      card.querySelector(".nhsuk-card__content").append(note);
    }
  };
  stopButton.addEventListener("click", () =>
    stop("This page stopped checking. Use 'Check again' to see the latest status."),
  );

  const check = () => {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, "text/html");
        const next = fresh.querySelector("[data-report-card]");
        if (!next) return schedule();
        if (next.innerHTML !== card.innerHTML) card.innerHTML = next.innerHTML;
        if (next.hasAttribute("data-report-pending")) return schedule();
        card.removeAttribute("data-report-pending");
        return stop();
      })
      .catch(schedule);
  };
  const schedule = () => {
    if (Date.now() - started > LONGEST) {
      stop("Still being prepared. This page stopped checking: use 'Check again' later.");
    } else {
      timer = window.setTimeout(check, INTERVAL);
    }
  };
  schedule();
}
