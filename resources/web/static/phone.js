/* MYK10 Workshop phone pages: the extras JavaScript adds to the plain HTML forms.
 *
 * - Live updates: the server sends "ballots" (a ballot opened, closed or changed) and
 *   "votes" (new votes counted) as server-sent events; lists and results reload, a form
 *   that is being filled in shows a notice instead.
 * - A vote sent while the connection is down is kept on the phone (localStorage) and sent
 *   again when the connection is back. Each form carries a submission id, so the laptop
 *   counts a resent vote once; every showing of a form gets a new id, so a vote changed
 *   after going back to the form is not taken for a resend of the old one.
 * - Dots and points: a running count of what is given.
 *
 * The page's security policy allows no inline script or style: everything is here.
 */
(function () {
  "use strict";
  var body = document.body;
  var token = body.getAttribute("data-token");
  var mode = body.getAttribute("data-live");
  var KEY = "myk10-pending-" + token;
  var touched = false;
  var source = null;

  function say(text) {
    var notice = document.getElementById("notice");
    if (notice) { notice.textContent = text; }
  }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function freshSubmissions() {
    if (!window.crypto || !window.crypto.getRandomValues) { return; }
    document.querySelectorAll("form.vote input[name=submission]").forEach(function (input) {
      input.value = newId();
    });
  }

  function pending() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); }
    catch (e) { return []; }
  }

  function keep(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* full */ }
  }

  function send(item) {
    return fetch(item.url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/json" },
      body: item.body
    }).then(function (response) {
      return response.json().catch(function () { return { ok: response.ok }; })
        .then(function (answer) { answer.status = response.status; return answer; });
    });
  }

  // Busy (429) or the laptop cannot save (5xx): try again later. Anything else is an answer.
  function retryLater(answer) {
    return answer.status === 429 || answer.status >= 500;
  }

  var flushing = false;
  function flush() {
    var list = pending();
    if (flushing || !list.length || navigator.onLine === false) { return; }
    flushing = true;
    var item = list[0];
    send(item).then(function (answer) {
      flushing = false;
      if (retryLater(answer)) { return; }
      // Accepted or refused: either way it is no longer ours to keep.
      keep(pending().filter(function (other) { return other.id !== item.id; }));
      if (answer.ok) { say(body.getAttribute("data-sent")); }
      else if (answer.message) { say(answer.message); }
      flush();
    }, function () { flushing = false; });
  }

  function submitter(event) {
    var button = event.submitter;
    if (button && button.name) { return [button.name, button.value]; }
    return null;
  }

  function onSubmit(event) {
    var form = event.target;
    if (!window.fetch || !window.URLSearchParams || !window.FormData) { return; }
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    var extra = submitter(event);
    if (extra) { data.append(extra[0], extra[1]); }
    var item = { id: String(data.get("submission")), url: form.action, body: data.toString() };
    var error = document.getElementById("form-error");
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    say(body.getAttribute("data-sending"));
    send(item).then(function (answer) {
      buttons.forEach(function (b) { b.disabled = false; });
      if (answer.ok) {
        touched = false;
        freshSubmissions();
        window.location.assign(form.getAttribute("data-done") +
          (extra && extra[0] === "withdraw" ? "?withdrawn=1" : ""));
        return;
      }
      say("");
      if (error) {
        error.textContent = answer.message || "";
        error.hidden = false;
        error.setAttribute("tabindex", "-1");
        error.focus();
      }
    }, function () {
      buttons.forEach(function (b) { b.disabled = false; });
      var list = pending().filter(function (other) { return other.id !== item.id; });
      list.push(item);
      keep(list);
      say(body.getAttribute("data-offline"));
    });
  }

  function counters(form) {
    var total = parseInt(form.getAttribute("data-total") || "0", 10);
    var kind = form.getAttribute("data-kind");
    var pattern = form.getAttribute("data-sum") || "{used} / {total}";
    var sum = document.getElementById("sum");
    function update() {
      var used = 0;
      form.querySelectorAll(kind === "dots" ? "input[type=radio]:checked" : "input.points")
        .forEach(function (input) { used += parseFloat(input.value.replace(",", ".")) || 0; });
      if (sum) {
        sum.hidden = false;
        sum.textContent = pattern.replace("{used}", String(used))
          .replace("{total}", String(total));
        sum.classList.toggle("over", used > total);
      }
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  function live() {
    if (!window.EventSource || mode === "none" || !token || source) { return; }
    source = new EventSource("/" + token + "/events");
    // The connection is (back) up: send what was kept.
    source.addEventListener("open", flush);
    function ballotsChanged() {
      if (mode === "form" && touched) {
        say(body.getAttribute("data-changed"));
        return;
      }
      window.location.reload();
    }
    function votesChanged() {
      if (mode === "results") { window.location.reload(); }
    }
    source.addEventListener("ballots", ballotsChanged);
    source.addEventListener("votes", votesChanged);
    // On connecting, the server says how much news there has been; news between making
    // this page and listening would otherwise be missed.
    source.addEventListener("hello", function (event) {
      var now;
      try { now = JSON.parse(event.data); } catch (e) { return; }
      if (String(now.ballots) !== body.getAttribute("data-ballots")) { ballotsChanged(); }
      else if (String(now.votes) !== body.getAttribute("data-votes")) { votesChanged(); }
    });
  }

  function quiet() {
    if (source) { source.close(); source = null; }
  }

  document.querySelectorAll("form.vote").forEach(function (form) {
    form.addEventListener("submit", onSubmit);
    form.addEventListener("input", function () { touched = true; });
    form.addEventListener("change", function () { touched = true; });
    var kind = form.getAttribute("data-kind");
    if (kind === "points" || kind === "dots") { counters(form); }
  });
  // A page left for another closes its live connection: phones allow only a few at once
  // per server, and a page kept for the back button would hold one open. Coming back, a
  // list or results page shows what is new; a form gets a new submission id.
  window.addEventListener("pagehide", quiet);
  window.addEventListener("pageshow", function (event) {
    freshSubmissions();
    if (event.persisted) {
      if (mode === "list" || mode === "results") { window.location.reload(); return; }
      live();
      flush();
    }
  });
  window.addEventListener("online", flush);
  window.setInterval(flush, 5000);
  flush();
  live();
}());
