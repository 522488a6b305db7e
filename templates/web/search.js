// The search across every issue, inlined into index.html. It reads the search index
// beside the page (written by the build) on the first query, and lists the entries whose
// folded text holds every word of the folded query. Folding is the same as the build's
// (src/web/fold.rs): Azerbaijani lower case (I -> ı, İ -> i), NFD, no marks, ı -> i.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch) return;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 200;
  var loading = null;
  form.hidden = false;

  function fold(text) {
    return text.replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase()
      .normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i");
  }

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index")).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
    }
    return loading;
  }

  function show(index) {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (words.length === 0) { status.textContent = ""; return; }
    var found = 0;
    var items = document.createDocumentFragment();
    index.entries.forEach(function (entry) {
      var text = entry[2];
      for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return;
      found += 1;
      if (found > LIMIT) return;
      var doc = index.documents[entry[0]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.href + "#e-" + entry[1];
      link.textContent = entry[3];
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = doc.title + ". " + doc.line + ", № " + entry[1];
      item.appendChild(link);
      item.appendChild(where);
      items.appendChild(item);
    });
    list.appendChild(items);
    status.textContent = found === 0 ? form.getAttribute("data-none")
      : form.getAttribute("data-found") + " " + found
        + (found > LIMIT ? " (" + form.getAttribute("data-shown") + " " + LIMIT + ")" : "");
  }

  function run() {
    load().then(show, function () {
      loading = null;
      status.textContent = form.getAttribute("data-failed");
    });
  }

  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  if (input.value) run();
})();
