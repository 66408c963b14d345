// The multiple site chooser (sites/choosers.py, SitesChooser). Without JavaScript it is a
// search box, category and region filters and a bounded list of checkboxes. Here the search
// box becomes GOV.UK's accessible autocomplete (suggestions from the server, narrowed by the
// category and region chosen); choosing a suggestion adds the site to the list of chosen
// sites, each posted as a hidden input and with its own Remove button. A polite live region
// says what was added or removed.
/* global accessibleAutocomplete */

const plural = (n) => `${n} site${n === 1 ? "" : "s"} chosen`;

const element = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

document.querySelectorAll("[data-sites-chooser]:not([data-ready])").forEach((chooser) => {
  chooser.dataset.ready = "true";
  const { name, url } = chooser.dataset;
  const id = chooser.id;
  const textGroup = chooser.querySelector("[data-sites-text]");
  const box = textGroup.querySelector("input");
  const category = chooser.querySelector("[data-sites-category]");
  const region = chooser.querySelector("[data-sites-region]");
  const listArea = chooser.querySelector("[data-sites-list]");
  const chosen = [...listArea.querySelectorAll("input[type=checkbox]:checked")].map((tick) => ({
    id: tick.value,
    name: tick.dataset.siteName,
  }));

  const title = element("p", {
    className: "nhsuk-body-s nhsuk-u-margin-bottom-2 imroc-strong",
    id: `${id}_chosen_title`,
    textContent: "Chosen sites",
  });
  const none = element("p", { className: "nhsuk-body-s", textContent: "No site chosen yet." });
  const list = element("ul", { className: "nhsuk-list imroc-chosen-sites" });
  list.setAttribute("aria-labelledby", title.id);
  const status = element("div", { className: "nhsuk-u-visually-hidden" });
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.dataset.sitesStatus = "";

  const say = (text) => {
    status.textContent = text;
  };
  const focusBox = () => document.getElementById(box.id)?.focus();

  const render = () => {
    none.hidden = chosen.length > 0;
    list.replaceChildren(
      ...chosen.map((site) => {
        const remove = element(
          "button",
          { type: "button", className: "imroc-link-button" },
          "Remove",
          element("span", { className: "nhsuk-u-visually-hidden", textContent: ` ${site.name}` }),
        );
        remove.addEventListener("click", () => {
          chosen.splice(chosen.indexOf(site), 1);
          render();
          say(`Removed ${site.name}. ${plural(chosen.length)}.`);
          focusBox();
        });
        return element(
          "li",
          { className: "imroc-chosen-sites__item" },
          element("span", { textContent: site.name }),
          element("input", { type: "hidden", name, value: site.id }),
          remove,
        );
      }),
    );
  };

  // Only the chosen sites are posted: the search text and its filters narrow suggestions.
  category.removeAttribute("name");
  region.removeAttribute("name");
  listArea.replaceChildren(title, none, list, status);
  chooser.querySelector("[data-sites-search]").remove();
  const holder = element("div");
  box.replaceWith(holder);
  textGroup.querySelector("label").textContent = "Find a site to add";

  let pending;
  accessibleAutocomplete({
    element: holder,
    id: box.id,
    name: "",
    minLength: 2,
    confirmOnBlur: false,
    showNoOptionsFound: true,
    inputClasses: "nhsuk-input",
    tNoResults: () => "No other site has that in its name",
    tStatusQueryTooShort: (n) => `Type ${n} or more letters of the site's name for suggestions`,
    templates: {
      inputValue: (site) => (site ? site.name : ""),
      suggestion: (site) => {
        if (typeof site === "string") return site;
        const span = element("span", {
          textContent: `${site.name} (${site.category}, ${site.region})`,
        });
        return span.innerHTML;
      },
    },
    source: (query, populate) => {
      pending?.abort();
      pending = new AbortController();
      const params = new URLSearchParams({ q: query, category: category.value, region: region.value });
      fetch(`${url}&${params}`, { signal: pending.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((data) => {
          const taken = new Set(chosen.map((site) => String(site.id)));
          populate(data.results.filter((site) => !taken.has(String(site.id))));
        })
        .catch(() => {});
    },
    onConfirm: (site) => {
      if (!site || chosen.some((each) => String(each.id) === String(site.id))) return;
      chosen.push({ id: String(site.id), name: site.name });
      render();
      say(`Added ${site.name}. ${plural(chosen.length)}.`);
      // Empty the box for the next site, through the component's own input handler.
      setTimeout(() => {
        const input = document.getElementById(box.id);
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, 0);
    },
  });
  render();
});
