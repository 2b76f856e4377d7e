// The registration form works without this script. It adds three conveniences:
// a search box over the list of organizations (in every language and by acronym),
// focus on the summary of errors, and one submission however often the button is pressed.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
  }

  function addOrganizationSearch(select) {
    var wrapper = document.createElement("div");
    wrapper.className = "mb-2";
    var label = document.createElement("label");
    label.className = "form-label";
    label.htmlFor = "organization-search";
    label.textContent = select.form.dataset.searchLabel;
    var input = document.createElement("input");
    input.type = "search";
    input.id = "organization-search";
    input.className = "form-control";
    input.setAttribute("aria-controls", select.id);
    var status = document.createElement("p");
    status.className = "form-text";
    status.setAttribute("role", "status");
    wrapper.append(label, input, status);
    select.parentNode.insertBefore(wrapper, select);

    var options = Array.prototype.slice.call(select.querySelectorAll("option[data-search]"));
    options.forEach(function (option) {
      option.dataset.folded = fold(option.dataset.search + " " + option.textContent);
    });
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      var first = null;
      options.forEach(function (option) {
        var match = !query || option.dataset.folded.indexOf(query) !== -1;
        option.hidden = !match;
        option.disabled = !match && !option.selected;
        if (match) {
          shown += 1;
          first = first || option;
        }
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      if (query && shown === 1) {
        first.selected = true;
      }
      status.textContent = query
        ? select.form.dataset.searchResults.replace("%(count)s", shown)
        : "";
    });
  }

  document.querySelectorAll("form.registration-form").forEach(function (form) {
    var select = form.querySelector("select.organization-select");
    if (select) {
      addOrganizationSearch(select);
    }
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitted) {
        event.preventDefault();
        return;
      }
      form.dataset.submitted = "true";
    });
  });

  // The passport details show once the delegate says they need a visa letter: without the
  // script they are always shown, and the server ignores them when the box is not ticked.
  var needsLetter = document.getElementById("id_visa-needs_letter");
  var visaDetails = document.querySelector(".visa-details");
  if (needsLetter && visaDetails) {
    var showDetails = function () {
      visaDetails.hidden = !needsLetter.checked;
    };
    needsLetter.setAttribute("aria-controls", "visa-details");
    visaDetails.id = "visa-details";
    needsLetter.addEventListener("change", showDetails);
    showDetails();
  }

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
