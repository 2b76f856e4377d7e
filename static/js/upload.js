// The upload form works without this script: one file per row. The script adds a picker for
// several files at once, which fills the empty rows in order, and moves focus to the outcome.
(function () {
  "use strict";

  var form = document.querySelector("form.upload-form");
  if (form && window.DataTransfer) {
    var wrapper = document.createElement("div");
    wrapper.className = "mb-4";
    var label = document.createElement("label");
    label.className = "form-label fw-semibold";
    label.htmlFor = "several-files";
    label.textContent = form.dataset.rowsLabel;
    var picker = document.createElement("input");
    picker.type = "file";
    picker.multiple = true;
    picker.id = "several-files";
    picker.className = "form-control";
    picker.accept = form.querySelector("input[type=file]").accept;
    var status = document.createElement("p");
    status.className = "form-text";
    status.setAttribute("role", "status");
    wrapper.append(label, picker, status);
    form.insertBefore(wrapper, form.querySelector("fieldset.upload-row"));

    picker.addEventListener("change", function () {
      var empty = Array.prototype.filter.call(
        form.querySelectorAll("fieldset.upload-row input[type=file]"),
        function (input) { return input.files.length === 0; }
      );
      Array.prototype.forEach.call(picker.files, function (file, index) {
        if (index < empty.length) {
          var chosen = new DataTransfer();
          chosen.items.add(file);
          empty[index].files = chosen.files;
        }
      });
      var left = picker.files.length - empty.length;
      status.textContent = left > 0 ? form.dataset.tooMany.replace("%(count)s", left) : "";
      picker.value = "";
    });
  }

  var outcome = document.getElementById("error-summary") || document.getElementById("outcome");
  if (outcome) {
    outcome.focus();
  }
})();
