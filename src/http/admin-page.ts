/**
 * The maintainer's page (/admin). Only a shell: it holds no data. Its script asks
 * for the admin token, keeps it in sessionStorage (gone when the tab closes) and
 * calls /admin/api/* with an Authorization header, since a browser cannot send a
 * bearer token on navigation. No inline script, so CSP default-src 'self' holds.
 */
export function adminPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>问题反馈与知识缺口 · 朔州政策问答</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<link rel="stylesheet" href="/admin/assets/uPlot.min.css">
<link rel="stylesheet" href="/assets/admin.css">
<script src="/admin/assets/uPlot.iife.min.js" defer></script>
<script src="/assets/admin.js" defer></script>
</head>
<body>
<header class="site-header">
  <div class="site-header__inner">
    <h1 class="site-title">问题反馈与知识缺口</h1>
    <a class="button button--link" href="/">返回问答</a>
  </div>
  <p class="site-subtitle">未能回答和被点 👎 的问题按主题归类，供维护文件库的同事查看。问题中的电话、证件号、姓名等已在记录前去除。</p>
</header>
<main class="main admin" id="main">
  <form class="admin-login" id="login" hidden>
    <label for="token">管理口令（ADMIN_TOKEN）</label>
    <input id="token" type="password" autocomplete="current-password" required minlength="16">
    <button type="submit" class="button button--primary">进入</button>
    <p class="admin-error" id="login-error" role="alert"></p>
  </form>
  <div id="report" hidden>
    <div class="admin-toolbar">
      <label for="days">时间范围</label>
      <select id="days">
        <option value="7">最近 7 天</option>
        <option value="30" selected>最近 30 天</option>
        <option value="90">最近 90 天</option>
      </select>
      <span class="status" id="health" role="status"></span>
      <button type="button" class="button button--quiet" id="logout">退出</button>
    </div>
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">未回答与 👎 的问题（按主题）<button type="button" class="button button--link admin-csv" data-view="groups">导出 CSV</button><button type="button" class="button button--link admin-csv" data-view="asks">导出全部问题 CSV</button></h2>
      <p class="admin-empty" id="groups-empty" hidden>这段时间没有未回答或被点 👎 的问题。</p>
      <ol class="admin-groups" id="groups"></ol>
    </section>
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">每日未回答比例<button type="button" class="button button--link admin-csv" data-view="daily">导出 CSV</button></h2>
      <div id="chart" class="admin-chart" role="img" aria-label="每日未回答比例折线图"></div>
    </section>
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">被问到最多的文件<button type="button" class="button button--link admin-csv" data-view="documents">导出 CSV</button></h2>
      <table class="admin-table">
        <thead><tr><th scope="col">文件</th><th scope="col">相关提问</th><th scope="col">其中未回答或 👎</th></tr></thead>
        <tbody id="documents"></tbody>
      </table>
    </section>
  </div>
</main>
</body>
</html>`;
}
