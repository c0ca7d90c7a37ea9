// The maintainer's page (/admin). The token is asked for once and kept in
// sessionStorage for this tab; every data call sends it as a bearer header.
// Nodes are built with the DOM API only (questions are user text: never markup).
"use strict";
(() => {
  const TOKEN_KEY = "policy-qa-admin-token";
  const REASON_LABEL = {
    "no-evidence": "未回答：文件中没有依据",
    "out-of-domain": "未回答：超出文件范围",
    "fact-not-stated": "未回答：文件未写明",
    ambiguous: "未回答：问题不明确",
    refused: "未回答",
    wrong: "👎 答错了",
    outdated: "👎 内容过时",
    incomplete: "👎 不完整",
    "not-found": "👎 没找到要的内容",
    other: "👎 其他",
    down: "👎 未说明原因",
  };
  const STATUS_LABEL = { ok: "记录正常", degraded: "记录异常", off: "未开启记录" };
  const $ = (id) => document.getElementById(id);
  let chart = null;

  function h(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children) if (child !== null && child !== undefined && child !== "") node.append(child);
    return node;
  }

  async function call(path) {
    const token = sessionStorage.getItem(TOKEN_KEY) || "";
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status === 401 || response.status === 403) throw Object.assign(new Error("口令不正确"), { auth: true });
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try {
        message = (await response.json()).error.message;
      } catch {
        // not JSON
      }
      throw new Error(message);
    }
    return response;
  }

  function showLogin(message) {
    $("report").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
    $("token").focus();
  }

  async function load() {
    const days = $("days").value;
    try {
      const report = await (await call(`/admin/api/report?days=${days}`)).json();
      $("login").hidden = true;
      $("report").hidden = false;
      render(report);
    } catch (error) {
      if (error.auth) {
        sessionStorage.removeItem(TOKEN_KEY);
        showLogin(error.message);
      } else {
        $("report").hidden = false;
        $("health").textContent = `读取失败：${error.message}`;
      }
    }
  }

  function render(report) {
    const health = report.health;
    $("health").textContent = `${STATUS_LABEL[health.status] || health.status}（${health.store || "无数据库"}）${health.reason ? "：" + health.reason : ""} · 已记录 ${health.written} 条`;
    renderGroups(report.groups);
    renderDocuments(report.documents);
    renderChart(report.daily);
  }

  function renderGroups(groups) {
    $("groups-empty").hidden = groups.length > 0;
    $("groups").replaceChildren(
      ...groups.map((group) =>
        h(
          "li",
          { class: "admin-group" },
          h("h3", {}, group.topic, h("span", { class: "admin-count", "aria-label": `共 ${group.count} 次` }, `${group.count} 次`)),
          h("ul", { class: "admin-reasons", "aria-label": "原因" }, ...group.reasons.map((r) => h("li", {}, `${REASON_LABEL[r.reason] || r.reason} × ${r.count}`))),
          h("ol", { class: "admin-examples", "aria-label": "例句" }, ...group.examples.map((q) => h("li", {}, q))),
          group.documents.length
            ? h("p", { class: "admin-docs" }, "最接近的文件：", group.documents.map((d) => `《${d.title}》（${d.count} 次，最高相关度 ${d.bestScore.toFixed(2)}）`).join("；"))
            : h("p", { class: "admin-docs" }, "没有相关文件"),
        ),
      ),
    );
  }

  function renderDocuments(documents) {
    $("documents").replaceChildren(
      ...documents.map((d) => h("tr", {}, h("td", {}, d.title), h("td", {}, String(d.asks)), h("td", {}, String(d.problems)))),
    );
  }

  function renderChart(daily) {
    const box = $("chart");
    chart?.destroy();
    chart = null;
    box.replaceChildren();
    if (!daily.length) {
      box.append(h("p", { class: "admin-empty" }, "暂无数据"));
      return;
    }
    const xs = daily.map((d) => Date.parse(`${d.day}T00:00:00+08:00`) / 1000);
    const share = daily.map((d) => (d.asks ? Math.round((1000 * d.refused) / d.asks) / 10 : 0));
    const downs = daily.map((d) => (d.asks ? Math.round((1000 * d.down) / d.asks) / 10 : 0));
    if (typeof window.uPlot !== "function") {
      box.append(h("p", {}, daily.map((d, i) => `${d.day}: ${share[i]}%`).join("，")));
      return;
    }
    chart = new window.uPlot(
      {
        width: Math.max(320, box.clientWidth - 16),
        height: 240,
        series: [
          {},
          { label: "未回答比例 %", stroke: "#a8231a", width: 2, points: { show: true } },
          { label: "👎 比例 %", stroke: "#1f4e8c", width: 2, dash: [6, 4], points: { show: true } },
        ],
        scales: { y: { range: [0, 100] } },
        axes: [{}, { label: "%" }],
      },
      [xs, share, downs],
      box,
    );
  }

  async function download(view) {
    try {
      const response = await call(`/admin/api/export?view=${view}&days=${$("days").value}`);
      const url = URL.createObjectURL(await response.blob());
      const link = h("a", { href: url, download: `policy-qa-${view}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      $("health").textContent = `导出失败：${error.message}`;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("login").addEventListener("submit", (event) => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
      $("token").value = "";
      void load();
    });
    $("logout").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin("");
    });
    $("days").addEventListener("change", () => void load());
    for (const button of document.querySelectorAll(".admin-csv")) button.addEventListener("click", () => void download(button.getAttribute("data-view")));
    if (sessionStorage.getItem(TOKEN_KEY)) void load();
    else showLogin("");
  });
})();
