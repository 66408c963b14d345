// The value grid takes a block pasted from a spreadsheet: each line fills a row from the box
// pasted into, its cells the columns to the right; a header line and blank lines are left out
// and rows are added when the block is longer than the grid. Without this script the grid
// is a plain form (and the paste box below it parses the same block on the server).
const grid = document.querySelector("[data-value-grid]");
const status = document.querySelector("[data-grid-status]");

function renumber(row, index) {
  for (const input of row.querySelectorAll("input")) {
    input.name = input.name.replace(/_\d+$/, `_${index}`);
    input.id = input.id.replace(/_\d+$/, `_${index}`);
    input.value = "";
    input.classList.remove("nhsuk-input--error");
    const described = (input.getAttribute("aria-describedby") || "")
      .split(" ").filter((id) => id && !id.endsWith("-error")).join(" ");
    if (described) input.setAttribute("aria-describedby", described);
    else input.removeAttribute("aria-describedby");
  }
  for (const label of row.querySelectorAll("label")) {
    label.htmlFor = label.htmlFor.replace(/_\d+$/, `_${index}`);
  }
  for (const text of row.querySelectorAll("[data-row-label]")) {
    text.textContent = `, row ${index + 1}`;
  }
  for (const message of row.querySelectorAll(".nhsuk-error-message")) message.remove();
  for (const group of row.querySelectorAll(".nhsuk-form-group--error")) {
    group.classList.remove("nhsuk-form-group--error");
  }
  return row;
}

function rowAt(body, index) {
  while (body.rows.length <= index) {
    const last = body.rows[body.rows.length - 1];
    body.appendChild(renumber(last.cloneNode(true), body.rows.length));
  }
  return body.rows[index];
}

function lines(text) {
  const found = text.replace(/\r\n?/g, "\n").split("\n")
    .map((line) => line.split("\t").map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell));
  // A header line ("Date", "Week ending") has no digit where the date should be.
  if (found.length && !/\d/.test(found[0][0])) found.shift();
  return found;
}

if (grid) {
  const body = grid.tBodies[0];
  grid.addEventListener("paste", (event) => {
    const input = event.target.closest("input");
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!input || !(text.includes("\t") || text.trim().includes("\n"))) return;
    event.preventDefault();
    const cell = input.closest("td");
    const first = cell.parentElement.sectionRowIndex;
    const found = lines(text);
    found.forEach((cells, k) => {
      const row = rowAt(body, first + k);
      cells.forEach((value, j) => {
        const target = row.cells[cell.cellIndex + j];
        const box = target && target.querySelector("input");
        if (box) box.value = value;
      });
    });
    if (status) {
      status.textContent = `${found.length} row${found.length === 1 ? "" : "s"} pasted into the table.`;
    }
  });
}
