// The conference's own questions that depend on another answer: shown once that answer is
// given, hidden otherwise, each change said to screen readers. Without this script every
// question is shown and the server keeps only the answers to those that apply.
(function () {
  "use strict";

  var form = document.querySelector(".registration-form");
  if (!form) {
    return;
  }
  var dependents = Array.prototype.slice.call(form.querySelectorAll("[data-depends-on]"));
  if (!dependents.length) {
    return;
  }
  var live = document.createElement("div");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  form.appendChild(live);

  function chosen(name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    return Array.prototype.filter
      .call(inputs, function (input) {
        return input.checked || (input.type !== "radio" && input.type !== "checkbox");
      })
      .map(function (input) {
        return input.value;
      });
  }

  function applies(wrapper) {
    var values = JSON.parse(wrapper.getAttribute("data-depends-values"));
    return chosen(wrapper.getAttribute("data-depends-on")).some(function (value) {
      return values.indexOf(value) !== -1;
    });
  }

  function labelOf(wrapper) {
    var label = wrapper.querySelector("legend, label");
    return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function update(announce) {
    var said = [];
    dependents.forEach(function (wrapper) {
      var shown = applies(wrapper);
      if (wrapper.hidden === !shown) {
        return;
      }
      // A question being answered never disappears from under the keyboard.
      if (!shown && wrapper.contains(document.activeElement)) {
        return;
      }
      wrapper.hidden = !shown;
      var message = shown ? form.dataset.questionShown : form.dataset.questionHidden;
      if (announce && message) {
        said.push(message.replace("%(question)s", labelOf(wrapper)));
      }
    });
    if (said.length) {
      live.textContent = said.join(" ");
    }
  }

  form.addEventListener("change", function () {
    update(true);
  });
  update(false);
})();
