// Small enhancements on top of htmx; every page also works without them.
(function () {
  "use strict";

  // The accountant's time zone: the server shows times in it from the next request on.
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split("; ").includes("recon_tz=" + zone)) {
      document.cookie = "recon_tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (error) {
    /* no Intl: times stay in the server's zone, which the pages name */
  }

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

  // A poll answered with exactly what is on the page changes nothing: no swap, so the DOM (and
  // what a screen reader is reading) is left alone. The browser answers an unchanged poll from
  // its cache after a 304, which is what makes this common.
  const lastPoll = new WeakMap();
  document.addEventListener("htmx:beforeSwap", function (event) {
    const elt = event.detail.elt;
    if (!elt || !elt.matches || !elt.matches("[data-poll]")) return;
    const text = event.detail.xhr.responseText;
    if (event.detail.xhr.status === 200 && lastPoll.get(elt) === text) {
      event.detail.shouldSwap = false;
      return;
    }
    lastPoll.set(elt, text);
  });

  // Durations that tick every second between polls ("Last update 12 s ago", "Elapsed").
  function words(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const secs = seconds % 60;
    const pad = function (n) { return (n < 10 ? "0" : "") + n; };
    if (hours) return hours + " h " + pad(minutes) + " min";
    if (minutes) return minutes + " min " + pad(secs) + " s";
    return secs + " s";
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-ago-since]").forEach(function (el) {
      const seconds = (now - Date.parse(el.dataset.agoSince)) / 1000;
      if (isNaN(seconds)) return;
      if (el.hasAttribute("data-ago-plain")) el.textContent = words(seconds);
      else el.textContent = seconds < 1 ? "just now" : words(seconds) + " ago";
    });
    document.querySelectorAll("[data-elapsed-since]").forEach(function (el) {
      const seconds = (now - Date.parse(el.dataset.elapsedSince)) / 1000;
      if (!isNaN(seconds)) el.textContent = words(seconds);
    });
  }
  // Only once the page's own clock agrees with the server's (a skewed clock would show nonsense).
  let ticking = null;
  function startTicking() {
    const server = Date.parse(document.documentElement.dataset.serverNow || "");
    if (isNaN(server) || Math.abs(Date.now() - server) > 5000 || ticking) return;
    ticking = setInterval(tick, 1000);
  }
  document.addEventListener("DOMContentLoaded", startTicking);

  // Screen readers: the live region outside the polled block takes the block's announcement
  // only when it changed, so nothing is re-read on every poll.
  function announce() {
    const progress = document.getElementById("progress");
    const region = document.getElementById("announcer");
    if (!progress || !region) return;
    const text = progress.dataset.announce || "";
    if (region.textContent !== text) region.textContent = text;
    notifyIfEnded(progress);
  }
  document.addEventListener("htmx:afterSettle", announce);

  // "Tell me when it ends": a desktop notification, or the tab's title where notifications are
  // refused or missing.
  function notifyKey(box) { return "recon-notify-" + box.dataset.session; }
  function setupNotify() {
    const box = document.querySelector("[data-notify]");
    if (!box) return;
    const button = box.querySelector("#notify-button");
    const note = box.querySelector("#notify-note");
    button.hidden = false;
    if (sessionStorage.getItem(notifyKey(box))) {
      button.hidden = true;
      note.textContent = "You will be told when it ends.";
    }
    button.addEventListener("click", function () {
      const done = function (how) {
        sessionStorage.setItem(notifyKey(box), how);
        button.hidden = true;
        note.textContent = how === "notification"
          ? "You will get a notification when it ends."
          : "Notifications are off in this browser: this tab's title will say when it ends.";
      };
      if (!("Notification" in window)) return done("title");
      if (Notification.permission === "granted") return done("notification");
      Notification.requestPermission().then(function (answer) {
        done(answer === "granted" ? "notification" : "title");
      });
    });
  }
  document.addEventListener("DOMContentLoaded", setupNotify);

  function notifyIfEnded(progress) {
    const box = document.querySelector("[data-notify]");
    if (!box || progress.dataset.finished !== "true") return;
    box.querySelector("#notify-button").hidden = true;  // nothing left to wait for
    const how = sessionStorage.getItem(notifyKey(box));
    if (!how || box.dataset.notified) return;
    box.dataset.notified = "yes";
    const status = progress.dataset.announce || "The session ended.";
    if (how === "notification" && "Notification" in window &&
        Notification.permission === "granted") {
      new Notification(box.dataset.name + " · Recon", { body: status, tag: box.dataset.session });
    }
    // The title says it in either case, with a mark that shows in a crowded tab strip.
    if (!document.title.startsWith("● ")) document.title = "● " + document.title;
    document.addEventListener("visibilitychange", function clear() {
      if (document.visibilityState === "visible") {
        document.title = document.title.replace(/^● /, "");
        document.removeEventListener("visibilitychange", clear);
      }
    });
  }

  // A form that asks first (cancelling a session).
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // The review page: after a row is swapped, the keyboard stays where the accountant was.
  document.addEventListener("htmx:afterSwap", function (event) {
    const target = event.detail.target;
    if (!target || !target.id || !target.id.startsWith("charge-")) return;
    const row = document.getElementById(target.id);
    if (!row) return;
    const next = row.querySelector("[data-autofocus]") || row.querySelector("button, select");
    (next || row).focus();
  });

  // The review page: every "match by hand" list offers the receipts still free after each
  // action (the server sends them once, out of band), keeping what was chosen if still free.
  function fillReceiptLists() {
    const pool = document.querySelector("#receipt-pool select");
    if (!pool) return;
    document.querySelectorAll("select[data-receipt-options]").forEach(function (select) {
      if (select.innerHTML === pool.innerHTML) return;
      const chosen = select.value;
      select.innerHTML = pool.innerHTML;
      if ([...select.options].some(function (o) { return o.value === chosen; })) {
        select.value = chosen;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", fillReceiptLists);
  document.addEventListener("htmx:afterSettle", fillReceiptLists);

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
