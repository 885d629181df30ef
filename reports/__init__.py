"""Monthly PDF reports drawn with reportlab from the engine's chart model.

    scope = find_scope("Område Nord", kind="area", session=s)    # or scope_of(id), municipality_scope()
    content = report_content(scope, parse_month("2026-11"), session=s, today=today)
    pdf = monthly_report(content, generated_at=now, language="da", shared=False)

- reports.report_scope, report_month, report_content: what a report covers, read once.
- reports.monthly: cover, overview, charts and appendix composed into A4 PDF bytes.
- reports.overview_table: `overview_rows(content)` and `overview_section(rows, ...)`; any
  list of OverviewRow prints through the same section.
- reports.suppression: the small-numbers rule of reports shared beyond the team.
- reports.stored_charts, chart_geometry, chart_drawing, palette, formats: the chart path
  the screen shares. chart_drawing lays a chart out as a reports.picture.Picture, which
  reports.picture_canvas paints onto the page and reports.picture_drawing turns into a Drawing. `python -m reports monthly ...` is the command line.
"""
