// Two small enhancements on top of htmx; every page also works without them.
(function () {
  "use strict";

  // Polling: a poll that fails (network down, server restarting) shows "reconnecting…";
  // htmx keeps polling on its own schedule and the next good answer hides the note again.
  function isPoll(event) {
    return Boolean(event.detail.elt && event.detail.elt.closest("[data-poll]"));
  }

  function showConnectionNote(visible) {
    const note = document.getElementById("connection-note");
    if (note) note.hidden = !visible;
  }

  ["htmx:sendError", "htmx:responseError", "htmx:timeout"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (isPoll(event)) showConnectionNote(true);
    });
  });
  // Any answer from the server means the connection is back (after an outerHTML swap htmx
  // reports the request from the document, not from the replaced poller).
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) showConnectionNote(false);
  });

  // Upload: a byte-level bar while the files travel, then a plain message if the request
  // itself fails (the server's reasons for refusing files come back as form errors).
  function uploadParts(event) {
    const form = event.detail.elt && event.detail.elt.closest("form[data-upload]");
    if (!form) return null;
    return {
      status: form.querySelector(".upload-status"),
      bar: form.querySelector("#upload-bar"),
      text: form.querySelector("#upload-text"),
      failed: form.querySelector("#upload-failed"),
    };
  }

  function size(bytes) {
    const megabytes = bytes / (1024 * 1024);
    return megabytes < 1 ? Math.ceil(bytes / 1024) + " KB" : megabytes.toFixed(1) + " MB";
  }

  function setBar(bar, percent) {
    bar.setAttribute("aria-valuenow", String(percent));
    bar.firstElementChild.style.width = percent + "%";
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    const parts = uploadParts(event);
    if (!parts) return;
    setBar(parts.bar, 0);
    parts.text.textContent = "Uploading…";
    parts.status.hidden = false;
    parts.failed.hidden = true;
  });

  function uploadProgress(event) {
    const parts = uploadParts(event);
    if (!parts || !event.detail.lengthComputable || !event.detail.total) return;
    const percent = Math.floor((event.detail.loaded / event.detail.total) * 100);
    // The response's own download reports progress too; the bar only ever moves forward.
    if (percent <= Number(parts.bar.getAttribute("aria-valuenow"))) return;
    setBar(parts.bar, percent);
    parts.text.textContent =
      percent < 100
        ? "Uploading " + size(event.detail.loaded) + " of " + size(event.detail.total) +
          " (" + percent + "%)"
        : "Uploaded. Checking the files…";
  }
  // Browsers report progress at most every 50 ms; the end of the upload comes as "loadend".
  document.addEventListener("htmx:xhr:progress", uploadProgress);
  document.addEventListener("htmx:xhr:loadend", uploadProgress);

  document.addEventListener("htmx:afterRequest", function (event) {
    const parts = uploadParts(event);
    if (!parts) return;
    if (event.detail.xhr.getResponseHeader("HX-Redirect")) {
      parts.text.textContent = "Files accepted. Opening the session…";
      return;
    }
    parts.status.hidden = true;
    if (event.detail.successful) return;
    const status = event.detail.xhr.status;
    parts.failed.textContent =
      status === 0
        ? "The connection was lost during the upload. Nothing was stored; check your " +
          "connection and upload again."
        : "The server refused the upload (HTTP " + status + "). Nothing was stored; check " +
          "the number and size of the files and upload again.";
    parts.failed.hidden = false;
  });
})();
