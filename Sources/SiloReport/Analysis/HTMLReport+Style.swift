extension HTMLReport {
  /// The page's style: one column up to 1100 px; on a phone tables scroll sideways inside
  /// their box (every column reachable) and diagrams open full size on a tap; in print, A4
  /// with the date and page numbers in the margins (``pageMargins(_:date:)``), tables that
  /// split between pages repeat their header row, no heading ends a page, the diagrams' on-screen
  /// hints (click, hover) are left out, and each diagram
  /// fills a page (the drawing keeps its proportions inside a 215 mm frame).
  ///
  /// Verdict colours follow ColorBrewer's RdBu (as the department map's E-I scale): red for
  /// a silo, orange for inward, grey for balanced, blue for open; the verdict is also
  /// written out, so colour is never the only carrier.
  static let css: HTML = """
    :root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --silo: #b2182b; --inward: #d6604d; --balanced: #888; --open: #2166ac; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
    header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; border-bottom: 3px solid var(--ink); }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 21px; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    .sub { color: var(--muted); margin: 0 0 4px; }
    .date { color: var(--muted); margin: 0 0 12px; font-size: 13px; }
    .privacy { background: #eef4fb; border-left: 4px solid var(--open); padding: 6px 10px; }
    ol.findings { padding-left: 22px; }
    ol.findings li { margin: 6px 0; }
    ol.findings li.silo::marker { color: var(--silo); font-weight: bold; }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
    thead th { background: #f4f4f4; font-weight: 600; white-space: normal; vertical-align: bottom; }
    tbody th { font-weight: 400; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    th.num { white-space: normal; }
    tr.v-silo th { border-left: 4px solid var(--silo); font-weight: 600; }
    tr.v-inward th { border-left: 4px solid var(--inward); }
    .verdict { display: inline-block; padding: 0 6px; border-radius: 3px; white-space: nowrap; font-weight: 600; }
    .verdict.v-silo { background: var(--silo); color: #fff; }
    .verdict.v-inward { background: #fddbc7; color: #67001f; }
    .verdict.v-balanced { background: #eee; color: #333; }
    .verdict.v-open { background: #d1e5f0; color: #053061; }
    tr.c-opened th { border-left: 4px solid var(--open); font-weight: 600; }
    tr.c-closed th { border-left: 4px solid var(--silo); font-weight: 600; }
    .note { color: var(--muted); font-size: 13px; }
    .range { color: var(--muted); font-size: 12px; white-space: nowrap; }
    figure { margin: 18px 0 28px; }
    figure a.full { display: block; }
    figure svg { width: 100%; height: auto; max-height: 1100px; border: 1px solid var(--rule); }
    figcaption { font-size: 13px; margin-top: 6px; }
    .team { margin: 0 0 22px; }
    table.members th[scope=row] { white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.members td:nth-child(2) { min-width: 9em; }
    table.measures { width: auto; min-width: 60%; margin-top: 6px; }
    table.measures tr.group th { font-weight: 600; padding-top: 8px; }
    table.measures tr.department th { padding-left: 1.6em; }
    dl dt { font-weight: 600; margin-top: 10px; }
    dl dd { margin: 2px 0 0 0; }
    ul.rows, ul.warnings { margin: 4px 0; padding-left: 18px; }
    footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); margin-top: 36px; padding-top: 10px; padding-bottom: 28px; }
    @media (max-width: 600px) {
      header, main, footer { padding: 0 12px; }
      h1 { font-size: 23px; }
      table { font-size: 12px; }
      .scroll table { width: max-content; min-width: 100%; }
      .scroll td, .scroll th { white-space: nowrap; }
      .scroll tbody th { white-space: normal; min-width: 8.5em; max-width: 11em; position: sticky; left: 0; background: #fff; z-index: 1; }
      th, td { padding: 3px 5px; }
    }
    @media print {
      body { font-size: 10.5pt; }
      header, main, footer { max-width: none; padding: 0; }
      h1 { font-size: 20pt; }
      h2 { font-size: 14pt; margin-top: 18pt; }
      h2, h3, dt { break-after: avoid; page-break-after: avoid; }
      #diagrams > p { display: none; }
      .scroll { overflow: visible; }
      table { font-size: 8.5pt; width: 100%; }
      .scroll table { min-width: 0; }
      th, td, .verdict { white-space: normal; overflow-wrap: break-word; }
      thead { display: table-header-group; }
      tr, li, dd { break-inside: avoid; }
      figure { break-inside: avoid; page-break-inside: avoid; }
      .team { break-inside: avoid; page-break-inside: avoid; }
      table.measures { width: auto; min-width: 60%; }
      figure svg { width: 100%; height: 215mm; max-height: none; }
      figure.wide svg { height: auto; }
      a { color: inherit; text-decoration: none; }
    }
    @page { size: A4; margin: 16mm 16mm 18mm; }
    """
}
