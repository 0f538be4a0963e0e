/* MYK10 Workshop phone pages: the extras JavaScript adds to the plain HTML forms.
 *
 * - Live updates: the server sends "changed" (server-sent events) when a ballot changes;
 *   lists and results reload, a form that is being filled in shows a notice instead.
 * - A vote sent while the connection is down is kept on the phone (localStorage) and sent
 *   again when the connection is back. Each form carries a submission id made by the
 *   server for this page view, so the laptop counts a resent vote once.
 * - Dots and points: a running count of what is left.
 */
(function () {
  "use strict";
  var body = document.body;
  var token = body.getAttribute("data-token");
  var mode = body.getAttribute("data-live");
  var notice = document.getElementById("notice");
  var KEY = "myk10-pending-" + token;
  var touched = false;

  function say(text) {
    if (notice) { notice.textContent = text; }
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

  var flushing = false;
  function flush() {
    var list = pending();
    if (flushing || !list.length || !navigator.onLine) { return; }
    flushing = true;
    var item = list[0];
    send(item).then(function (answer) {
      // Answered, accepted or refused: either way it is no longer ours to keep.
      keep(pending().filter(function (other) { return other.id !== item.id; }));
      flushing = false;
      if (answer.ok) { say(body.getAttribute("data-sent")); }
      else if (answer.message) { say(answer.message); }
      flush();
    }, function () { flushing = false; });
  }

  function submitter(event, form) {
    var button = event.submitter;
    if (button && button.name) { return [button.name, button.value]; }
    return null;
  }

  function onSubmit(event) {
    var form = event.target;
    if (!window.fetch || !window.URLSearchParams || !window.FormData) { return; }
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    var extra = submitter(event, form);
    if (extra) { data.append(extra[0], extra[1]); }
    var item = { id: String(data.get("submission")), url: form.action, body: data.toString() };
    var error = document.getElementById("form-error");
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    say(body.getAttribute("data-sending"));
    send(item).then(function (answer) {
      buttons.forEach(function (b) { b.disabled = false; });
      if (answer.ok) {
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
    var sum = document.getElementById("sum");
    function update() {
      var used = 0;
      form.querySelectorAll(kind === "dots" ? "input[type=radio]:checked" : "input.points")
        .forEach(function (input) { used += parseFloat(input.value.replace(",", ".")) || 0; });
      if (sum) {
        sum.hidden = false;
        sum.textContent = used + " / " + total;
        sum.classList.toggle("over", used > total);
      }
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  function live() {
    if (!window.EventSource || mode === "none" || !token) { return; }
    var source = new EventSource("/" + token + "/events");
    // "ballots": a ballot opened, closed or changed; "votes": new votes were counted.
    source.addEventListener("ballots", function () {
      if (mode === "form" && touched) {
        say(body.getAttribute("data-changed"));
        return;
      }
      window.location.reload();
    });
    source.addEventListener("votes", function () {
      if (mode === "results") { window.location.reload(); }
    });
  }

  document.querySelectorAll("form.vote").forEach(function (form) {
    form.addEventListener("submit", onSubmit);
    form.addEventListener("input", function () { touched = true; });
    form.addEventListener("change", function () { touched = true; });
    var kind = form.getAttribute("data-kind");
    if (kind === "points" || kind === "dots") { counters(form); }
  });
  window.addEventListener("online", flush);
  window.setInterval(flush, 5000);
  flush();
  live();
}());
