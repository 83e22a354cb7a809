// licit serve's page. Every value that came from an image, a page or a credit line is put on
// the page with textContent or as an attribute value, never parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const VERDICT_WORDS = {
    "allowed": "Allowed",
    "allowed-with-obligations": "Allowed with obligations",
    "not-allowed": "Not allowed",
    "unknown": "Unknown: no license found, so all rights are reserved until shown otherwise",
  };
  // Requests at once from this page: the server queues the rest anyway.
  const PARALLEL = 3;
  // What the page checked: {id, kind: "file" | "url" | "credit", file, url, text, thumb,
  // answer: {document, credits} or null, error: string or null}.
  let entries = [];
  let nextId = 1;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  function status(msg) {
    $("status").textContent = msg;
  }

  // The proposed use as the words of --use, and the ShareAlike target.
  function useParams() {
    const form = $("use-form");
    const words = [];
    words.push(form.querySelector("#use-commercial").checked ? "commercial" : "noncommercial");
    const edits = [...form.querySelectorAll("input[name=edit]:checked")].map((e) => e.value);
    if (edits.length === 0) words.push("verbatim");
    words.push(...edits);
    const medium = form.querySelector("input[name=medium]:checked");
    if (medium) words.push(medium.value);
    const p = new URLSearchParams({ use: words.join(","), view: "page" });
    const share = $("share-as").value.trim();
    if (share) p.set("share_as", share);
    return p;
  }

  async function request(entry) {
    const params = useParams();
    let res;
    if (entry.kind === "file") {
      const body = new FormData();
      body.append("file", entry.file, entry.file.name);
      res = await fetch("/api/check?" + params, { method: "POST", body });
    } else if (entry.kind === "url") {
      res = await fetch("/api/url?" + params, {
        method: "POST",
        body: new URLSearchParams({ url: entry.url }),
      });
    } else {
      res = await fetch("/api/credit?" + params, {
        method: "POST",
        body: new URLSearchParams({ text: entry.text }),
      });
    }
    let json = null;
    try {
      json = await res.json();
    } catch (_) {
      json = null;
    }
    if (!res.ok) {
      const msg = json && json.error ? json.error.message : "the server answered " + res.status;
      throw new Error(msg);
    }
    return json;
  }

  // Runs the entries' checks, PARALLEL at a time, rendering each as it ends.
  async function runAll(list) {
    let i = 0;
    let done = 0;
    const results = $("results");
    results.setAttribute("aria-busy", "true");
    status("Checking " + list.length + (list.length === 1 ? " item…" : " items…"));
    async function worker() {
      while (i < list.length) {
        const entry = list[i++];
        try {
          entry.answer = await request(entry);
          entry.error = null;
        } catch (e) {
          entry.answer = null;
          entry.error = e.message;
        }
        done++;
        render(entry);
      }
    }
    const workers = [];
    for (let k = 0; k < Math.min(PARALLEL, list.length); k++) workers.push(worker());
    await Promise.all(workers);
    results.setAttribute("aria-busy", "false");
    status(summaryText());
  }

  function summaryText() {
    const counts = {};
    let n = 0;
    for (const e of entries) {
      for (const it of items(e)) {
        const v = it.assessment ? it.assessment.verdict : "error";
        counts[v] = (counts[v] || 0) + 1;
        n++;
      }
    }
    if (n === 0) return "Nothing checked yet.";
    const parts = Object.entries(counts).map(([v, c]) => c + " " + (VERDICT_WORDS[v] || v).split(":")[0].toLowerCase());
    return "Checked " + n + (n === 1 ? " item: " : " items: ") + parts.join(", ") + ".";
  }

  function items(entry) {
    return entry.answer && entry.answer.document ? entry.answer.document.items : [];
  }

  function add(list) {
    entries.push(...list);
    for (const e of list) render(e);
    runAll(list);
  }

  // ---- rendering ------------------------------------------------------------------------

  function render(entry) {
    const id = "entry-" + entry.id;
    let box = document.getElementById(id);
    const fresh = el("div", { id, class: "entry" });
    if (!entry.answer && !entry.error) {
      fresh.append(el("p", { class: "pending", text: "Checking " + label(entry) + "…" }));
    } else if (entry.error) {
      fresh.append(card(entry, null, null, entry.error));
    } else {
      const its = items(entry);
      its.forEach((it, k) => fresh.append(card(entry, it, entry.answer.credits[k], null)));
    }
    if (box) box.replaceWith(fresh);
    else $("results").prepend(fresh);
  }

  function label(entry) {
    if (entry.kind === "file") return entry.file.name;
    if (entry.kind === "url") return entry.url;
    return "credit line";
  }

  function card(entry, it, credits, error) {
    const title = it ? (it.input !== undefined ? "Credit line" : it.target) : label(entry);
    const art = el("article", { class: "card", "aria-label": title });
    if (entry.kind === "file" && entry.thumb) {
      art.append(el("img", { class: "thumb", src: entry.thumb, alt: "Thumbnail of " + entry.file.name }));
    } else {
      art.classList.add("no-thumb");
    }
    const body = el("div", { class: "card-body" });
    art.append(body);
    body.append(el("h3", { text: title }));
    if (error) {
      body.append(el("p", { class: "verdict error", text: "Could not check: " + error }));
      return art;
    }
    if (it.input !== undefined) body.append(el("p", { class: "input", text: it.input }));
    if (it.page) body.append(el("p", { class: "page", text: "On page " + it.page }));
    const a = it.assessment;
    if (a) {
      body.append(el("p", { class: "verdict " + a.verdict, "data-verdict": a.verdict, text: VERDICT_WORDS[a.verdict] || a.verdict }));
      if (it.credit && it.credit.license) {
        body.append(el("p", { class: "license" }, "License: ", el("span", { text: it.credit.license.short || it.credit.license.key })));
      }
      if (it.credit && it.credit.authors && it.credit.authors.length) {
        body.append(el("p", { class: "authors" }, "By: ", el("span", { text: it.credit.authors.join("; ") })));
      }
      list(body, "Why", "reasons", a.reasons, (r) => [
        el("span", { text: r.text }),
        r.section ? el("span", { class: "section-ref", text: " (" + r.section + ")" }) : null,
      ]);
      list(body, "You must", "obligations", a.obligations, (o) => [el("span", { text: o.text })]);
    }
    if (it.errors && it.errors.length) {
      list(body, "Errors", "errors", it.errors, (e) => [el("span", { text: e.message })]);
    }
    list(body, "Findings", "findings", it.findings, (f) => [
      el("span", { class: "finding-kind", text: f.kind.replace(/-/g, " ") + ": " }),
      el("span", { text: f.message }),
    ]);
    if (it.evidence && it.evidence.length) {
      const table = el("table", { class: "evidence" },
        el("caption", { text: "Evidence: what each source says, verbatim" }),
        el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Origin" }), el("th", { scope: "col", text: "Value" }))));
      const tbody = el("tbody");
      for (const e of it.evidence) {
        tbody.append(el("tr", {}, el("th", { scope: "row", text: e.origin }), el("td", { text: e.value })));
      }
      table.append(tbody);
      body.append(table);
    }
    if (credits) body.append(creditBlock(credits, title));
    return art;
  }

  function list(parent, heading, cls, values, row) {
    if (!values || values.length === 0) return;
    parent.append(el("h4", { text: heading }));
    const ul = el("ul", { class: cls });
    for (const v of values) ul.append(el("li", {}, ...row(v)));
    parent.append(ul);
  }

  function creditBlock(credits, title) {
    const box = el("div", { class: "credits" }, el("h4", { text: "Credit to paste" }));
    for (const [key, name] of [["text", "Text"], ["html", "HTML"], ["markdown", "Markdown"]]) {
      const pre = el("pre", { text: credits[key] });
      const button = el("button", { type: "button", class: "secondary copy", "aria-label": "Copy the " + name + " credit of " + title, text: "Copy " + name });
      button.addEventListener("click", () => copy(credits[key], name));
      box.append(el("div", { class: "credit-style credit-" + key }, el("strong", { text: name }), pre, button));
    }
    return box;
  }

  async function copy(text, name) {
    try {
      await navigator.clipboard.writeText(text);
      status(name + " credit copied.");
    } catch (_) {
      status("Copying is not allowed here; select the " + name + " credit and copy it.");
    }
  }

  // ---- inputs ---------------------------------------------------------------------------

  function addFiles(files) {
    const list = [];
    for (const file of files) {
      if (file.size === 0 && !file.type) continue;
      list.push({ id: nextId++, kind: "file", file, thumb: thumbFor(file), answer: null, error: null });
    }
    if (list.length) add(list);
  }

  function thumbFor(file) {
    return /^image\//.test(file.type) ? URL.createObjectURL(file) : null;
  }

  // A dropped folder: its files, walked with the entries API, depth and count bounded.
  async function filesOf(dataTransfer) {
    const out = [];
    const roots = [...(dataTransfer.items || [])]
      .map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null))
      .filter((e) => e);
    if (roots.length === 0) return [...dataTransfer.files];
    async function walk(entry, depth) {
      if (out.length >= 500 || depth > 16) return;
      if (entry.isFile) {
        const f = await new Promise((ok, no) => entry.file(ok, no)).catch(() => null);
        if (f && (/^image\//.test(f.type) || /\.(xmp|jxl|heic|heif|avif)$/i.test(f.name))) out.push(f);
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (;;) {
          const batch = await new Promise((ok, no) => reader.readEntries(ok, no)).catch(() => []);
          if (batch.length === 0) break;
          for (const e of batch) await walk(e, depth + 1);
        }
      }
    }
    for (const r of roots) await walk(r, 0);
    return out;
  }

  function recheckAll() {
    if (entries.length === 0) return;
    for (const e of entries) {
      e.answer = null;
      e.error = null;
      render(e);
    }
    runAll(entries.slice());
  }

  // ---- exports --------------------------------------------------------------------------

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // The check items as one `licit check --format json` document; credit lines as one
  // `licit credit --format json` document.
  function exportDocuments() {
    const checks = entries.filter((e) => e.kind !== "credit" && e.answer);
    const credits = entries.filter((e) => e.kind === "credit" && e.answer);
    const docs = {};
    if (checks.length) {
      const first = checks[0].answer.document;
      const its = checks.flatMap(items);
      const summary = { items: 0, allowed: 0, allowed_with_obligations: 0, not_allowed: 0, unknown: 0, errors: 0 };
      for (const it of its) {
        summary.items++;
        if (it.errors.length) summary.errors++;
        if (it.assessment) summary[it.assessment.verdict.replace(/-/g, "_")]++;
      }
      docs.check = { licit: first.licit, schema: first.schema, use: first.use, items: its, summary };
    }
    if (credits.length) {
      const first = credits[0].answer.document;
      docs.credit = { licit: first.licit, schema: first.schema, items: credits.flatMap(items) };
    }
    return docs;
  }

  function exportJson() {
    const docs = exportDocuments();
    if (docs.check) download("licit-check.json", "application/json", JSON.stringify(docs.check, null, 2) + "\n");
    if (docs.credit) download("licit-credit.json", "application/json", JSON.stringify(docs.credit, null, 2) + "\n");
    if (!docs.check && !docs.credit) status("Nothing to export yet.");
  }

  // A CSV cell: quoted, and a leading = + - @ made inert for spreadsheets.
  function cell(v) {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function exportCsv() {
    const rows = [["kind", "target", "verdict", "license", "authors", "findings", "credit"]];
    for (const e of entries) {
      for (const [k, it] of items(e).entries()) {
        const c = e.answer.credits[k];
        rows.push([
          e.kind === "credit" ? "credit-line" : "image",
          it.input !== undefined ? it.input : it.target,
          it.assessment ? it.assessment.verdict : "error",
          it.credit && it.credit.license ? it.credit.license.key : "",
          it.credit ? it.credit.authors.join("; ") : "",
          (it.findings || []).map((f) => f.kind).join(" "),
          c ? c.text : "",
        ]);
      }
    }
    if (rows.length === 1) return status("Nothing to export yet.");
    download("licit.csv", "text/csv", rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n");
  }

  // The HTML report is made by the server from the images again (thumbnails need their
  // bytes); URL and credit-line checks are in the JSON and CSV exports.
  async function exportHtml() {
    const files = entries.filter((e) => e.kind === "file");
    if (!files.length) return status("Nothing to export yet: the HTML report covers images added to the page.");
    const body = new FormData();
    for (const e of files) body.append("file", e.file, e.file.name);
    const params = useParams();
    params.set("view", "report");
    const res = await fetch("/api/check?" + params, { method: "POST", body });
    if (!res.ok) {
      let msg = "the server answered " + res.status;
      try {
        msg = (await res.json()).error.message;
      } catch (_) { /* the status says enough */ }
      return status("HTML report: " + msg);
    }
    download("licit-report.html", "text/html", await res.text());
  }

  // ---- wiring ---------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    const drop = $("drop");
    $("files").addEventListener("change", (ev) => {
      addFiles([...ev.target.files]);
      ev.target.value = "";
    });
    drop.addEventListener("dragover", (ev) => {
      ev.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", async (ev) => {
      ev.preventDefault();
      drop.classList.remove("over");
      addFiles(await filesOf(ev.dataTransfer));
    });
    $("url-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const url = $("url").value.trim();
      if (url) add([{ id: nextId++, kind: "url", url, answer: null, error: null }]);
    });
    $("credit-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = $("credit").value.trim();
      if (text) add([{ id: nextId++, kind: "credit", text, answer: null, error: null }]);
    });
    let timer = null;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(recheckAll, 250);
    };
    $("use-form").addEventListener("change", changed);
    $("use-form").addEventListener("submit", (ev) => ev.preventDefault());
    $("export-json").addEventListener("click", exportJson);
    $("export-csv").addEventListener("click", exportCsv);
    $("export-html").addEventListener("click", exportHtml);
    $("clear").addEventListener("click", () => {
      for (const e of entries) if (e.thumb) URL.revokeObjectURL(e.thumb);
      entries = [];
      $("results").replaceChildren();
      status("Cleared.");
    });
    status("Ready.");
  });
})();
