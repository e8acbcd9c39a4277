"""The chart of an indicator's history: realised values and targets over the years, across every
edition given, as a Vega-Lite specification built with altair.

Vega-Lite because the report is read in a browser: one declarative spec per indicator, drawn by
the Vega JavaScript that vl-convert ships (`javascript_bundle`, written once into the report's
assets, so the page needs no network), with tooltips naming the edition and the figure as
printed. The drawing:

  a line per kind        the latest edition's figure for each year (realised solid, target dashed)
  a point per figure     every edition's figure (faded when a later edition gives the year too)
  an orange ring         a year the editions disagree on (a restatement, a target that moved)
"""
from __future__ import annotations

from .histories import History

KINDS = ["realised", "target"]
COLOURS = ["#b2182b", "#2166ac"]
CONFLICT = "#ff7f00"       # orange: apart from the realised red and the target blue


def chart_spec(history: History, width: int = 460, height: int = 190) -> dict | None:
    """The Vega-Lite spec (a dict) of `history`; None when it has no figure with a number."""
    import altair as alt
    rows = history.chart_rows()
    if not rows:
        return None
    kinds = [k for k in KINDS if any(r["kind"] == k for r in rows)] + sorted(
        {r["kind"] for r in rows} - set(KINDS))
    colours = [COLOURS[KINDS.index(k)] if k in KINDS else "#6a3d9a" for k in kinds]
    years = sorted({r["year"] for r in rows})
    x = alt.X("year:Q", title=None, scale=alt.Scale(domain=[years[0] - 0.5, years[-1] + 0.5], nice=False),
              axis=alt.Axis(format="d", values=years, grid=False))
    y = alt.Y("value:Q", title=history.indicator.unit or None, scale=alt.Scale(zero=False, padding=12))
    legend = alt.Legend(title=None, orient="top")    # one legend: colour, dash and shape of each kind
    colour = alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=colours), legend=legend)
    base = alt.Chart(alt.Data(values=rows)).encode(x=x, y=y)
    tooltip = [alt.Tooltip("edition:N"), alt.Tooltip("kind:N"), alt.Tooltip("year:Q", format="d"),
               alt.Tooltip("printed:N", title="as printed"), alt.Tooltip("document:N")]
    line = base.transform_filter("datum.latest").mark_line(strokeWidth=2).encode(
        color=colour, strokeDash=alt.StrokeDash("kind:N", scale=alt.Scale(domain=kinds, range=[
            [1, 0] if k == "realised" else [6, 3] for k in kinds]), legend=legend))
    points = base.mark_point(filled=True, size=55).encode(
        color=colour, shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds, range=[
            "circle" if k == "realised" else "diamond" for k in kinds]), legend=legend),
        opacity=alt.condition("datum.latest", alt.value(1.0), alt.value(0.35)), tooltip=tooltip)
    layers = [line, points]
    if any(r["conflict"] for r in rows):
        layers.append(base.transform_filter("datum.conflict && datum.latest").mark_point(
            shape="circle", size=380, filled=False, strokeWidth=3, color=CONFLICT, opacity=1).encode(
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("kind:N"),
                     alt.Tooltip("editions_say:N", title="editions disagree")]))
    chart = alt.layer(*layers).properties(width=width, height=height)
    return chart.configure_view(strokeWidth=0).to_dict()


def javascript_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed JavaScript (vl-convert's bundle of the Vega-Lite
    version altair writes): defines window.vegaEmbed."""
    import altair as alt
    import vl_convert
    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    known = vl_convert.get_vegalite_versions()
    return vl_convert.javascript_bundle(vl_version=version if version in known else None)
