// The site chooser (sites/choosers.py): the plain text box becomes GOV.UK's accessible
// autocomplete, which suggests sites from the server as the person types. The box keeps its
// id, name and classes, so its label, error message and the form post are unchanged.
/* global accessibleAutocomplete */
document.querySelectorAll("[data-site-chooser]:not([data-ready])").forEach((wrapper) => {
  const input = wrapper.querySelector("input");
  const { id, name, value, className } = input;
  wrapper.dataset.ready = "true";
  input.remove();
  let pending;
  accessibleAutocomplete({
    element: wrapper,
    id,
    name,
    defaultValue: value,
    minLength: 2,
    inputClasses: className,
    showNoOptionsFound: true,
    tNoResults: () => "No site has that in its name",
    tStatusQueryTooShort: (n) => `Type ${n} or more letters of the site's name for suggestions`,
    source: (query, populate) => {
      pending?.abort();
      pending = new AbortController();
      const url = `${wrapper.dataset.url}&q=${encodeURIComponent(query)}`;
      fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((data) => populate(data.results.map((site) => site.name)))
        .catch(() => {});
    },
  });
});
